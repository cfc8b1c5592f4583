package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;

/**
 * Transformation between the wind-aligned local frame of a release ({@link LocalPoint}) and park-local
 * east/north metres ({@link ParkPoint}).
 *
 * <p>Meteorological convention: {@code windFromDegrees} is the direction the wind blows FROM, in degrees
 * clockwise from north (0 = from north, blowing towards the south; 270 = from west, blowing east).
 * The downwind unit vector is d = (east, north) = (−sin θ, −cos θ); the +y axis (left of downwind)
 * is d rotated 90° anticlockwise, (−d_north, d_east) = (cos θ, −sin θ).
 *
 * @param sourceEast source easting [m]
 * @param sourceNorth source northing [m]
 * @param windFromDegrees wind direction (from), degrees clockwise from north, [0, 360]
 */
public record WindFrame(double sourceEast, double sourceNorth, double windFromDegrees) {

    /** Validates the inputs. */
    public WindFrame {
        Check.finite("sourceEast [m]", sourceEast);
        Check.finite("sourceNorth [m]", sourceNorth);
        Check.range("windFromDegrees [deg]", windFromDegrees, 0, 360);
    }

    /** @return east component of the downwind unit vector */
    public double downwindEast() {
        return -Math.sin(Math.toRadians(windFromDegrees));
    }

    /** @return north component of the downwind unit vector */
    public double downwindNorth() {
        return -Math.cos(Math.toRadians(windFromDegrees));
    }

    /**
     * Local (x downwind, y crosswind-left) → park east/north.
     *
     * @param p local point
     * @return park point
     */
    public ParkPoint toPark(LocalPoint p) {
        double de = downwindEast();
        double dn = downwindNorth();
        // +y axis = downwind rotated +90°: (-dn, de)
        return new ParkPoint(sourceEast + p.x() * de - p.y() * dn, sourceNorth + p.x() * dn + p.y() * de);
    }

    /**
     * Park east/north → local (x downwind, y crosswind-left).
     *
     * @param east easting [m]
     * @param north northing [m]
     * @return local point
     */
    public LocalPoint toLocal(double east, double north) {
        double de = downwindEast();
        double dn = downwindNorth();
        double re = east - sourceEast;
        double rn = north - sourceNorth;
        return new LocalPoint(re * de + rn * dn, -re * dn + rn * de);
    }
}
