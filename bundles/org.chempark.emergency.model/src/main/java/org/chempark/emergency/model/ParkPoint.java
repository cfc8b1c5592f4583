package org.chempark.emergency.model;

/**
 * A point in the park-local planar frame: metres east and north of the park origin.
 *
 * @param east easting [m]
 * @param north northing [m]
 */
public record ParkPoint(double east, double north) {
}
