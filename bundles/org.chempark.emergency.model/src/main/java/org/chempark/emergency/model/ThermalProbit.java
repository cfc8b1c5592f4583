package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;

/**
 * Thermal-dose probit functions Y = k1 + k2·ln(D), dose D = t·q^(4/3) with q [W/m²], t [s]; 50 % response
 * at Y = 5. Constants as tabulated in CCPS 1999 §4.3 / TNO Green Book CPR 16E ch. 1 and reproduced in
 * Chinese fireball practice:
 *
 * <ul>
 *   <li>{@link #DEATH_EISENBERG}: Y = −14.9 + 2.56·ln(t·q^(4/3)/10⁴) (Eisenberg et al. 1975)</li>
 *   <li>{@link #SECOND_DEGREE_BURN}: Y = −43.14 + 3.0188·ln(t·q^(4/3))</li>
 *   <li>{@link #FIRST_DEGREE_BURN}: Y = −39.83 + 3.0186·ln(t·q^(4/3))</li>
 * </ul>
 */
public enum ThermalProbit {
    /** Fatality, Eisenberg et al. (1975) (unprotected population). */
    DEATH_EISENBERG(-14.9 - 2.56 * Math.log(1e4), 2.56),
    /** Second-degree burns. */
    SECOND_DEGREE_BURN(-43.14, 3.0188),
    /** First-degree burns. */
    FIRST_DEGREE_BURN(-39.83, 3.0186);

    private final double k1;
    private final double k2;

    ThermalProbit(double k1, double k2) {
        this.k1 = k1;
        this.k2 = k2;
    }

    /**
     * @param heatFlux q [W/m²], &gt; 0
     * @param duration t [s], &gt; 0
     * @return probit Y
     */
    public double probit(double heatFlux, double duration) {
        Check.positive("heatFlux [W/m2]", heatFlux);
        Check.positive("duration [s]", duration);
        return k1 + k2 * Math.log(duration * Math.pow(heatFlux, 4.0 / 3.0));
    }

    /**
     * Probit → probability, P = Φ(Y − 5).
     *
     * @param heatFlux q [W/m²], &gt; 0
     * @param duration t [s], &gt; 0
     * @return probability 0 … 1
     */
    public double probability(double heatFlux, double duration) {
        return normalCdf(probit(heatFlux, duration) - 5);
    }

    /**
     * Heat flux giving a probit Y for an exposure of duration t.
     *
     * @param probit Y (5 = 50 %)
     * @param duration t [s], &gt; 0
     * @return q [W/m²]
     */
    public double heatFluxFor(double probit, double duration) {
        Check.finite("probit [-]", probit);
        Check.positive("duration [s]", duration);
        double dose = Math.exp((probit - k1) / k2);
        return Math.pow(dose / duration, 0.75);
    }

    /** Standard normal CDF (Abramowitz &amp; Stegun 7.1.26 erf approximation, |error| &lt; 1.5e-7). */
    static double normalCdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
