package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;

/**
 * Dispersion coefficients σy, σz [m] as functions of downwind distance x [m].
 *
 * <p><b>Continuous plumes — Briggs (1973) formulas</b> (as tabulated in CCPS "Guidelines for
 * Consequence Analysis of Chemical Releases" 1999, Table 2.13, and Crowl &amp; Louvar "Chemical
 * Process Safety", table of plume dispersion coefficients), x in m:
 *
 * <pre>
 * RURAL  A  σy = 0.22x(1+0.0001x)^-1/2   σz = 0.20x
 *        B  σy = 0.16x(1+0.0001x)^-1/2   σz = 0.12x
 *        C  σy = 0.11x(1+0.0001x)^-1/2   σz = 0.08x(1+0.0002x)^-1/2
 *        D  σy = 0.08x(1+0.0001x)^-1/2   σz = 0.06x(1+0.0015x)^-1/2
 *        E  σy = 0.06x(1+0.0001x)^-1/2   σz = 0.03x(1+0.0003x)^-1
 *        F  σy = 0.04x(1+0.0001x)^-1/2   σz = 0.016x(1+0.0003x)^-1
 * URBAN  A,B σy = 0.32x(1+0.0004x)^-1/2  σz = 0.24x(1+0.001x)^+1/2
 *        C   σy = 0.22x(1+0.0004x)^-1/2  σz = 0.20x
 *        D   σy = 0.16x(1+0.0004x)^-1/2  σz = 0.14x(1+0.0003x)^-1/2
 *        E,F σy = 0.11x(1+0.0004x)^-1/2  σz = 0.08x(1+0.0015x)^-1/2
 * </pre>
 *
 * <p><b>Instantaneous puffs — Slade (1968) power laws</b> (CCPS 1999 Table 2.14; Crowl &amp; Louvar
 * table of puff coefficients), σx = σy:
 *
 * <pre>
 * A σy = 0.18x^0.92 σz = 0.60x^0.75 | B σy = 0.14x^0.92 σz = 0.53x^0.73 | C σy = 0.10x^0.92 σz = 0.34x^0.71
 * D σy = 0.06x^0.92 σz = 0.15x^0.70 | E σy = 0.04x^0.92 σz = 0.10x^0.65 | F σy = 0.02x^0.89 σz = 0.05x^0.61
 * </pre>
 *
 * <p><b>Validity.</b> Briggs fitted the curves for 100 m &lt; x &lt; 10 km. This library accepts
 * {@value #MIN_DISTANCE} m &le; x &le; {@value #MAX_DISTANCE} m; values below 100 m are an
 * extrapolation (common practice for near-field emergency estimates, but the uncertainty grows).
 */
public final class DispersionCoefficients {

    /** Smallest downwind distance accepted [m]. */
    public static final double MIN_DISTANCE = 1.0;
    /** Largest downwind distance accepted [m] (upper limit of the Briggs fits). */
    public static final double MAX_DISTANCE = 10_000.0;

    private DispersionCoefficients() {
    }

    /**
     * Briggs plume σy.
     *
     * @param stability stability class
     * @param terrain rural or urban
     * @param x downwind distance [m], {@value #MIN_DISTANCE} … {@value #MAX_DISTANCE}
     * @return σy [m]
     */
    public static double plumeSigmaY(StabilityClass stability, DispersionTerrain terrain, double x) {
        checkX(x);
        return plumeSigmaYUnchecked(Check.notNull("stability", stability).ordinal(),
                Check.notNull("terrain", terrain) == DispersionTerrain.URBAN, x);
    }

    /**
     * Briggs plume σz.
     *
     * @param stability stability class
     * @param terrain rural or urban
     * @param x downwind distance [m], {@value #MIN_DISTANCE} … {@value #MAX_DISTANCE}
     * @return σz [m]
     */
    public static double plumeSigmaZ(StabilityClass stability, DispersionTerrain terrain, double x) {
        checkX(x);
        return plumeSigmaZUnchecked(Check.notNull("stability", stability).ordinal(),
                Check.notNull("terrain", terrain) == DispersionTerrain.URBAN, x);
    }

    /**
     * Slade puff σy (= σx).
     *
     * @param stability stability class
     * @param x distance travelled by the puff centre [m], {@value #MIN_DISTANCE} … {@value #MAX_DISTANCE}
     * @return σy [m]
     */
    public static double puffSigmaY(StabilityClass stability, double x) {
        checkX(x);
        return puffSigmaYUnchecked(Check.notNull("stability", stability).ordinal(), x);
    }

    /**
     * Slade puff σz.
     *
     * @param stability stability class
     * @param x distance travelled by the puff centre [m], {@value #MIN_DISTANCE} … {@value #MAX_DISTANCE}
     * @return σz [m]
     */
    public static double puffSigmaZ(StabilityClass stability, double x) {
        checkX(x);
        return puffSigmaZUnchecked(Check.notNull("stability", stability).ordinal(), x);
    }

    private static void checkX(double x) {
        Check.range("downwindDistance x [m]", x, MIN_DISTANCE, MAX_DISTANCE);
    }

    static double plumeSigmaYUnchecked(int cls, boolean urban, double x) {
        if (urban) {
            double f = x / Math.sqrt(1 + 0.0004 * x);
            switch (cls) {
                case 0: case 1: return 0.32 * f;
                case 2: return 0.22 * f;
                case 3: return 0.16 * f;
                default: return 0.11 * f;
            }
        }
        double f = x / Math.sqrt(1 + 0.0001 * x);
        switch (cls) {
            case 0: return 0.22 * f;
            case 1: return 0.16 * f;
            case 2: return 0.11 * f;
            case 3: return 0.08 * f;
            case 4: return 0.06 * f;
            default: return 0.04 * f;
        }
    }

    static double plumeSigmaZUnchecked(int cls, boolean urban, double x) {
        if (urban) {
            switch (cls) {
                case 0: case 1: return 0.24 * x * Math.sqrt(1 + 0.001 * x);
                case 2: return 0.20 * x;
                case 3: return 0.14 * x / Math.sqrt(1 + 0.0003 * x);
                default: return 0.08 * x / Math.sqrt(1 + 0.0015 * x);
            }
        }
        switch (cls) {
            case 0: return 0.20 * x;
            case 1: return 0.12 * x;
            case 2: return 0.08 * x / Math.sqrt(1 + 0.0002 * x);
            case 3: return 0.06 * x / Math.sqrt(1 + 0.0015 * x);
            case 4: return 0.03 * x / (1 + 0.0003 * x);
            default: return 0.016 * x / (1 + 0.0003 * x);
        }
    }

    static double puffSigmaYUnchecked(int cls, double x) {
        switch (cls) {
            case 0: return 0.18 * Math.pow(x, 0.92);
            case 1: return 0.14 * Math.pow(x, 0.92);
            case 2: return 0.10 * Math.pow(x, 0.92);
            case 3: return 0.06 * Math.pow(x, 0.92);
            case 4: return 0.04 * Math.pow(x, 0.92);
            default: return 0.02 * Math.pow(x, 0.89);
        }
    }

    static double puffSigmaZUnchecked(int cls, double x) {
        switch (cls) {
            case 0: return 0.60 * Math.pow(x, 0.75);
            case 1: return 0.53 * Math.pow(x, 0.73);
            case 2: return 0.34 * Math.pow(x, 0.71);
            case 3: return 0.15 * Math.pow(x, 0.70);
            case 4: return 0.10 * Math.pow(x, 0.65);
            default: return 0.05 * Math.pow(x, 0.61);
        }
    }
}
