package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;

/**
 * Atmospheric transmissivity for thermal radiation, Pietersen &amp; Huerta (1985) correlation as given in
 * CCPS "Guidelines for Consequence Analysis of Chemical Releases" (1999, §2.2.5):
 *
 * <pre>
 * τ  = 2.02 · (Pw · X)^(−0.09)                 (Pw [Pa], X path length [m]), capped at 1
 * Pw = 1013.25 · RH[%] · exp(14.4114 − 5328 / Ta) = 101325 · RH · exp(14.4114 − 5328 / Ta)
 *      (water partial pressure [Pa], Ta [K], RH as a fraction 0…1 in this API)
 * </pre>
 *
 * The fit was made for 10⁴ &lt; Pw·X &lt; 10⁵ N/m; outside it the formula is extrapolated (τ is capped at 1).
 */
public final class AtmosphericTransmissivity {

    private AtmosphericTransmissivity() {
    }

    /**
     * @param relativeHumidity RH, 0 … 1
     * @param ambientTemperature Ta [K], 223 … 323
     * @return water vapour partial pressure [Pa]
     */
    public static double waterPartialPressure(double relativeHumidity, double ambientTemperature) {
        Check.range("relativeHumidity [-]", relativeHumidity, 0, 1);
        Check.range("ambientTemperature [K]", ambientTemperature, 223, 323);
        return relativeHumidity * 101_325 * Math.exp(14.4114 - 5328 / ambientTemperature);
    }

    /**
     * @param pathLength X, distance from flame surface to target [m], &ge; 0
     * @param relativeHumidity RH, 0 … 1
     * @param ambientTemperature Ta [K], 223 … 323
     * @return τ, (0, 1]
     */
    public static double transmissivity(double pathLength, double relativeHumidity, double ambientTemperature) {
        Check.nonNegative("pathLength [m]", pathLength);
        double pwx = waterPartialPressure(relativeHumidity, ambientTemperature) * pathLength;
        if (pwx <= 0) {
            return 1;
        }
        return Math.min(1, 2.02 * Math.pow(pwx, -0.09));
    }
}
