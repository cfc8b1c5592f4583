package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;

/**
 * Pasquill–Gifford atmospheric stability class, A (very unstable) … F (moderately stable).
 *
 * <p>Classification follows the Pasquill–Turner table (Turner 1970, Table 1; CCPS 1999 Table 2.10;
 * Crowl &amp; Louvar Table "Atmospheric stability classes"), wind speed measured at 10 m:
 *
 * <pre>
 * wind u10 [m/s] | day: strong  moderate  slight | night: &ge;4/8 cloud  &le;3/8 cloud
 *   u &lt; 2         |      A       A–B       B      |        F*           F*
 *   2 &le; u &lt; 3     |      A–B     B         C      |        E            F
 *   3 &le; u &lt; 5     |      B       B–C       C      |        D            E
 *   5 &le; u &lt; 6     |      C       C–D       D      |        D            D
 *   u &ge; 6         |      C       D         D      |        D            D
 * heavy overcast (8/8), day or night: D
 * </pre>
 *
 * <p>Conventions of this implementation (documented choices, not part of Turner's table):
 * intermediate classes (A–B, B–C, C–D) are resolved to the <em>more stable</em> class, which gives
 * the higher ground-level concentration far downwind (conservative for emergency planning);
 * the night cell for u &lt; 2 m/s, left blank by Turner, is set to F (as commonly done, e.g. CCPS).
 * Night is taken as one hour before sunset to one hour after sunrise.
 */
public enum StabilityClass {
    /** Very unstable. */
    A,
    /** Unstable. */
    B,
    /** Slightly unstable. */
    C,
    /** Neutral. */
    D,
    /** Slightly stable. */
    E,
    /** Moderately stable. */
    F;

    /**
     * Daytime classification.
     *
     * @param windSpeed10m wind speed at 10 m [m/s], 0 … 60
     * @param insolation incoming solar radiation category
     * @return the stability class
     */
    public static StabilityClass daytime(double windSpeed10m, Insolation insolation) {
        Check.range("windSpeed10m [m/s]", windSpeed10m, 0, 60);
        Check.notNull("insolation", insolation);
        int row = row(windSpeed10m);
        switch (insolation) {
            case STRONG:
                return new StabilityClass[] {A, B, B, C, C}[row];
            case MODERATE:
                return new StabilityClass[] {B, B, C, D, D}[row];
            case SLIGHT:
                return new StabilityClass[] {B, C, C, D, D}[row];
            default:
                return D;
        }
    }

    /**
     * Night-time classification.
     *
     * @param windSpeed10m wind speed at 10 m [m/s], 0 … 60
     * @param cloudCoverOktas total cloud cover [oktas], 0 … 8 (8 = overcast → D)
     * @return the stability class
     */
    public static StabilityClass nighttime(double windSpeed10m, double cloudCoverOktas) {
        Check.range("windSpeed10m [m/s]", windSpeed10m, 0, 60);
        Check.range("cloudCoverOktas [okta]", cloudCoverOktas, 0, 8);
        if (cloudCoverOktas >= 8) {
            return D;
        }
        int row = row(windSpeed10m);
        if (cloudCoverOktas >= 4) {
            return new StabilityClass[] {F, E, D, D, D}[row];
        }
        return new StabilityClass[] {F, F, E, D, D}[row];
    }

    /**
     * Classification from raw weather observations.
     *
     * @param windSpeed10m wind speed at 10 m [m/s], 0 … 60
     * @param daytime true between one hour after sunrise and one hour before sunset
     * @param solarRadiation global solar radiation [W/m²] (used by day; see
     *     {@link Insolation#fromSolarRadiation(double)})
     * @param cloudCoverOktas cloud cover [oktas], 0 … 8 (used by night; 8 → D by day too)
     * @return the stability class
     */
    public static StabilityClass classify(double windSpeed10m, boolean daytime, double solarRadiation,
            double cloudCoverOktas) {
        Check.range("cloudCoverOktas [okta]", cloudCoverOktas, 0, 8);
        if (daytime) {
            Insolation ins = cloudCoverOktas >= 8 ? Insolation.OVERCAST : Insolation.fromSolarRadiation(solarRadiation);
            return daytime(windSpeed10m, ins);
        }
        return nighttime(windSpeed10m, cloudCoverOktas);
    }

    private static int row(double u) {
        if (u < 2) {
            return 0;
        }
        if (u < 3) {
            return 1;
        }
        if (u < 5) {
            return 2;
        }
        if (u < 6) {
            return 3;
        }
        return 4;
    }
}
