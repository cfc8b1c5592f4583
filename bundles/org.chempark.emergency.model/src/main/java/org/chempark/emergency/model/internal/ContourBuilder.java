package org.chempark.emergency.model.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.chempark.emergency.model.LocalPoint;
import org.chempark.emergency.model.ThresholdContour;

/**
 * Builds threshold contours for fields of the form C(x, y) = Cc(x)·exp(−y²/(2σy(x)²)), i.e. Gaussian in
 * the crosswind direction. The half-width at x is then analytic: w = σy·sqrt(2·ln(Cc/Cthr)).
 * The downwind extent is found by scanning Cc on a logarithmic grid and refining each end by bisection.
 */
public final class ContourBuilder {

    private static final int SCAN_POINTS = 800;
    private static final int STATIONS = 120;

    private ContourBuilder() {
    }

    /**
     * @param centre centreline concentration Cc(x) [mg/m³]
     * @param sigmaY crosswind spread σy(x) [m]
     * @param threshold threshold [mg/m³]
     * @param xMin smallest valid x [m]
     * @param xMax largest valid x [m]
     * @return the contour
     */
    public static ThresholdContour build(DoubleUnaryOperator centre, DoubleUnaryOperator sigmaY, double threshold,
            double xMin, double xMax) {
        double ratio = Math.log(xMax / xMin);
        double[] xs = new double[SCAN_POINTS];
        int first = -1;
        int last = -1;
        for (int i = 0; i < SCAN_POINTS; i++) {
            xs[i] = xMin * Math.exp(ratio * i / (SCAN_POINTS - 1));
            if (centre.applyAsDouble(xs[i]) >= threshold) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return new ThresholdContour(threshold, Double.NaN, 0, 0, false, List.of());
        }
        DoubleUnaryOperator g = x -> centre.applyAsDouble(x) - threshold;
        double start = first == 0 ? xMin : Solver.bisect(g, xs[first - 1], xs[first], 1e-9);
        boolean truncated = last == SCAN_POINTS - 1;
        double end = truncated ? xMax : Solver.bisect(g, xs[last], xs[last + 1], 1e-9);
        boolean fromSource = first == 0;

        List<LocalPoint> upper = new ArrayList<>();
        List<LocalPoint> lower = new ArrayList<>();
        double maxW = 0;
        for (int k = 0; k < STATIONS; k++) {
            double x = start + (end - start) * k / (STATIONS - 1);
            double c = centre.applyAsDouble(x);
            double w = c > threshold ? sigmaY.applyAsDouble(x) * Math.sqrt(2 * Math.log(c / threshold)) : 0;
            maxW = Math.max(maxW, w);
            lower.add(new LocalPoint(x, -w));
            upper.add(new LocalPoint(x, w));
        }
        List<LocalPoint> poly = new ArrayList<>();
        if (fromSource) {
            poly.add(new LocalPoint(0, 0));
        }
        // counter-clockwise: along the right-hand (−y) side downwind, back along the left (+y) side
        for (LocalPoint p : lower) {
            poly.add(p);
        }
        for (int k = upper.size() - 1; k >= 0; k--) {
            LocalPoint p = upper.get(k);
            if (p.y() == 0 && (k == upper.size() - 1 || k == 0)) {
                continue; // already present from the lower side
            }
            poly.add(p);
        }
        return new ThresholdContour(threshold, fromSource ? 0 : start, end, maxW, truncated, poly);
    }
}
