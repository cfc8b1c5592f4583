package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;

/**
 * Daytime incoming solar radiation category of the Pasquill–Turner stability table
 * (Turner, "Workbook of Atmospheric Dispersion Estimates", 1970, Table 1; reproduced in
 * Crowl &amp; Louvar, "Chemical Process Safety", dispersion chapter, and CCPS "Guidelines for
 * Consequence Analysis of Chemical Releases" 1999, §2.3).
 */
public enum Insolation {
    /** Strong insolation (clear sky, sun high: solar elevation &gt; 60°). */
    STRONG,
    /** Moderate insolation (solar elevation 35°–60°). */
    MODERATE,
    /** Slight insolation (solar elevation 15°–35°). */
    SLIGHT,
    /** Heavy overcast (8/8) or very low radiation: neutral class D regardless of wind speed. */
    OVERCAST;

    /**
     * Maps measured global solar radiation to an insolation category, using the radiation bands of the
     * US EPA solar-radiation/delta-T (SRDT) method (EPA-454/R-99-005, "Meteorological Monitoring
     * Guidance for Regulatory Modeling Applications", 2000, §6.4.4.2): &ge; 925 W/m² strong,
     * 675–925 moderate, 175–675 slight, &lt; 175 treated as overcast (class D). This is an
     * approximation of Turner's solar-elevation definition.
     *
     * @param solarRadiation global horizontal solar radiation [W/m²], &ge; 0
     * @return the category
     */
    public static Insolation fromSolarRadiation(double solarRadiation) {
        Check.range("solarRadiation [W/m2]", solarRadiation, 0, 1500);
        if (solarRadiation >= 925) {
            return STRONG;
        }
        if (solarRadiation >= 675) {
            return MODERATE;
        }
        if (solarRadiation >= 175) {
            return SLIGHT;
        }
        return OVERCAST;
    }
}
