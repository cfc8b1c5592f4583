package org.chempark.emergency.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The area in which a dispersion result reaches or exceeds a concentration threshold, in the
 * wind-aligned local frame (x downwind, y crosswind) at the evaluation height.
 *
 * @param threshold the threshold concentration [mg/m³]
 * @param minDownwindDistance nearest downwind distance at which the threshold is reached [m]
 *     (0 if reached from the source; NaN if never reached)
 * @param maxDownwindDistance farthest downwind distance at which the threshold is reached [m]
 *     (0 if never reached)
 * @param maxHalfWidth largest crosswind half-width of the contour [m]
 * @param truncatedAtModelRange true if the threshold is still exceeded at the upper validity limit
 *     of the dispersion coefficients ({@link DispersionCoefficients#MAX_DISTANCE}); the real
 *     contour then extends further than reported
 * @param polygon closed outline (first point not repeated), counter-clockwise in the local frame;
 *     empty if the threshold is never reached
 */
public record ThresholdContour(double threshold, double minDownwindDistance, double maxDownwindDistance,
        double maxHalfWidth, boolean truncatedAtModelRange, List<LocalPoint> polygon) {

    /** Makes the polygon list immutable. */
    public ThresholdContour {
        polygon = List.copyOf(polygon);
    }

    /** @return true if the threshold is reached anywhere */
    public boolean isEmpty() {
        return polygon.isEmpty();
    }

    /** @return enclosed area [m²] (shoelace formula) */
    public double area() {
        double a = 0;
        int n = polygon.size();
        for (int i = 0; i < n; i++) {
            LocalPoint p = polygon.get(i);
            LocalPoint q = polygon.get((i + 1) % n);
            a += p.x() * q.y() - q.x() * p.y();
        }
        return Math.abs(a) / 2;
    }

    /**
     * Rotates and translates the outline into park-local east/north metres.
     *
     * @param frame source position and wind direction (from, degrees clockwise from north)
     * @return the outline in park coordinates, same vertex order
     */
    public List<ParkPoint> toPark(WindFrame frame) {
        List<ParkPoint> out = new ArrayList<>(polygon.size());
        for (LocalPoint p : polygon) {
            out.add(frame.toPark(p));
        }
        return List.copyOf(out);
    }
}
