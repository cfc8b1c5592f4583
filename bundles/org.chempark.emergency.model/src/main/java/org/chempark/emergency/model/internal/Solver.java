package org.chempark.emergency.model.internal;

import java.util.function.DoubleUnaryOperator;

/** Numerical helpers (bisection root finding). */
public final class Solver {

    private Solver() {
    }

    /**
     * Bisection for f(x) = 0 on [lo, hi]; f(lo) and f(hi) must have opposite signs (or one is 0).
     * Iterates until the bracket is narrower than {@code relTol * max(|x|, 1e-9)} or 200 iterations.
     *
     * @return the root
     * @throws IllegalStateException if the bracket does not contain a sign change
     */
    public static double bisect(DoubleUnaryOperator f, double lo, double hi, double relTol) {
        double flo = f.applyAsDouble(lo);
        double fhi = f.applyAsDouble(hi);
        if (flo == 0) {
            return lo;
        }
        if (fhi == 0) {
            return hi;
        }
        if (Math.signum(flo) == Math.signum(fhi)) {
            throw new IllegalStateException("no sign change in [" + lo + ", " + hi + "]: f=" + flo + ", " + fhi);
        }
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            double fm = f.applyAsDouble(mid);
            if (fm == 0) {
                return mid;
            }
            if (Math.signum(fm) == Math.signum(flo)) {
                lo = mid;
                flo = fm;
            } else {
                hi = mid;
            }
            if (hi - lo <= relTol * Math.max(Math.abs(mid), 1e-9)) {
                break;
            }
        }
        return 0.5 * (lo + hi);
    }
}
