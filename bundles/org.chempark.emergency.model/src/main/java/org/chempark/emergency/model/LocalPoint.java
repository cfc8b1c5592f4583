package org.chempark.emergency.model;

/**
 * A point in the wind-aligned local frame of a release: {@code x} [m] downwind of the source,
 * {@code y} [m] crosswind, positive to the left when looking downwind (right-handed with z up).
 *
 * @param x downwind distance [m]
 * @param y crosswind distance [m]
 */
public record LocalPoint(double x, double y) {
}
