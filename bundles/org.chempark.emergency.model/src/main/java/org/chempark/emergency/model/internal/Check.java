package org.chempark.emergency.model.internal;

import org.chempark.emergency.model.ModelInputException;

/** Input validation helpers; every failure is a {@link ModelInputException} naming parameter, value, range. */
public final class Check {

    private Check() {
    }

    /** Requires a finite value. */
    public static double finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new ModelInputException(name, v, "a finite number");
        }
        return v;
    }

    /** Requires a finite value &gt; 0. */
    public static double positive(String name, double v) {
        if (!Double.isFinite(v) || v <= 0) {
            throw new ModelInputException(name, v, "> 0 (finite)");
        }
        return v;
    }

    /** Requires a finite value &gt;= 0. */
    public static double nonNegative(String name, double v) {
        if (!Double.isFinite(v) || v < 0) {
            throw new ModelInputException(name, v, ">= 0 (finite)");
        }
        return v;
    }

    /** Requires min &lt;= v &lt;= max. */
    public static double range(String name, double v, double min, double max) {
        if (!Double.isFinite(v) || v < min || v > max) {
            throw new ModelInputException(name, v, "[" + min + ", " + max + "]");
        }
        return v;
    }

    /** Requires min &lt; v &lt;= max. */
    public static double rangeOpenLow(String name, double v, double min, double max) {
        if (!Double.isFinite(v) || v <= min || v > max) {
            throw new ModelInputException(name, v, "(" + min + ", " + max + "]");
        }
        return v;
    }

    /** Requires a non-null reference. */
    public static <T> T notNull(String name, T v) {
        if (v == null) {
            throw new ModelInputException(name, "null", "non-null");
        }
        return v;
    }
}
