package org.chempark.simulator.internal;

import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.PointType;

/**
 * One simulated monitoring point: its normal band (inside its alarm limits), where it is on the
 * park map, and the state of its value model.
 */
final class SimPoint {
    final String code;
    final PointType type;
    final Long equipmentId;
    final Long unitId;
    final Long enterpriseId;
    final double x;
    final double y;
    /** normal band: every value the model produces without a scenario lies inside [lo, hi] */
    final double lo;
    final double hi;
    final Double h;
    final Double hh;
    final double rangeLow;
    final double rangeHigh;
    /** base value from the model (before scenarios) */
    double value;
    /** level: fill (+) or drain (-) rate in units per second; others: the set point */
    double drift;

    SimPoint(MonitoringPoint p, double x, double y) {
        this.code = p.code();
        this.type = p.type();
        this.equipmentId = p.equipmentId();
        this.unitId = p.unitId();
        this.enterpriseId = p.enterpriseId();
        this.x = x;
        this.y = y;
        this.rangeLow = p.rangeLow() == null ? 0 : p.rangeLow();
        this.rangeHigh = p.rangeHigh() == null ? Math.max(rangeLow + 1, 100) : p.rangeHigh();
        this.h = p.h();
        this.hh = p.hh();
        double high = first(p.h(), p.hh(), rangeHigh);
        double low = first(p.l(), p.ll(), null);
        if (Double.isNaN(low)) {
            low = rangeLow;
            boolean process = type == PointType.TEMPERATURE || type == PointType.PRESSURE || type == PointType.FLOW;
            if (process && high > 0 && 0.3 * high > low) {
                low = 0.3 * high; // a process value without a low limit runs in the upper part of its range
            }
        }
        if (high <= low) {
            high = low + Math.max(1e-3, Math.abs(low) * 0.01);
        }
        this.lo = low;
        this.hi = high;
    }

    private static double first(Double a, Double b, Double c) {
        return a != null ? a : b != null ? b : c != null ? c : Double.NaN;
    }

    boolean isGas() {
        return type == PointType.COMBUSTIBLE_GAS || type == PointType.TOXIC_GAS;
    }

    boolean isDetector() {
        return isGas() || type == PointType.OXYGEN;
    }

    double distanceTo(double px, double py) {
        return Math.hypot(x - px, y - py);
    }

    /** The first alarm level above normal (H, else HH, else 90 % of the range). */
    double firstAlarm() {
        return h != null ? h : hh != null ? hh : rangeLow + 0.9 * (rangeHigh - rangeLow);
    }

    /** The second alarm level (HH, else 1.5 × the first, inside the range). */
    double secondAlarm() {
        double s = hh != null ? hh : firstAlarm() * 1.5;
        return Math.min(s, rangeHigh);
    }
}
