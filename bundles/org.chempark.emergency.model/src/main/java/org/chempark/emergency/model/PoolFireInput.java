package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;

/**
 * Input of {@link PoolFire}.
 *
 * @param poolDiameter D [m], 0.5 … 100 (use {@link PoolFire#diameterFromArea} for a dike)
 * @param heatOfCombustion ΔHc, lower heating value [J/kg]
 * @param heatOfVaporisation ΔHv at the boiling point [J/kg]
 * @param liquidHeatCapacity cp [J/(kg·K)]; only needed when Tb &gt; Ta (may be NaN otherwise)
 * @param boilingPoint Tb [K]
 * @param ambientTemperature Ta [K], 223 … 323
 * @param relativeHumidity RH 0 … 1 (for atmospheric transmissivity)
 * @param radiativeFraction η, fraction of the combustion energy radiated, 0.05 … 0.5 (CCPS: 0.15–0.35;
 *     default {@link #DEFAULT_RADIATIVE_FRACTION})
 */
public record PoolFireInput(double poolDiameter, double heatOfCombustion, double heatOfVaporisation,
        double liquidHeatCapacity, double boilingPoint, double ambientTemperature, double relativeHumidity,
        double radiativeFraction) {

    /** η = 0.35, the conservative upper end of the CCPS range 0.15–0.35. */
    public static final double DEFAULT_RADIATIVE_FRACTION = 0.35;

    /** Validates the inputs. */
    public PoolFireInput {
        Check.range("poolDiameter [m]", poolDiameter, 0.5, 100);
        Check.rangeOpenLow("heatOfCombustion [J/kg]", heatOfCombustion, 0, 2e8);
        Check.rangeOpenLow("heatOfVaporisation [J/kg]", heatOfVaporisation, 0, 1e7);
        Check.range("boilingPoint [K]", boilingPoint, 10, 1000);
        Check.range("ambientTemperature [K]", ambientTemperature, 223, 323);
        Check.range("relativeHumidity [-]", relativeHumidity, 0, 1);
        Check.range("radiativeFraction [-]", radiativeFraction, 0.05, 0.5);
        if (boilingPoint > ambientTemperature) {
            Check.rangeOpenLow("liquidHeatCapacity [J/(kg K)] (needed as Tb > Ta)", liquidHeatCapacity, 0, 1e4);
        }
    }

    /**
     * Input from a tabulated chemical with the default radiative fraction.
     *
     * @param chemical flammable chemical with heat of combustion and vaporisation
     * @param poolDiameter D [m]
     * @param ambientTemperature Ta [K]
     * @param relativeHumidity RH 0 … 1
     * @return input
     */
    public static PoolFireInput of(Chemical chemical, double poolDiameter, double ambientTemperature,
            double relativeHumidity) {
        Check.notNull("chemical", chemical);
        if (!chemical.flammable() || Double.isNaN(chemical.heatOfCombustion())
                || Double.isNaN(chemical.heatOfVaporisation())) {
            throw new ModelInputException("chemical " + chemical.cas() + " (" + chemical.name() + ")",
                    "non-flammable or missing heat of combustion/vaporisation",
                    "a flammable chemical with both heats tabulated");
        }
        return new PoolFireInput(poolDiameter, chemical.heatOfCombustion(), chemical.heatOfVaporisation(),
                chemical.liquidHeatCapacity(), chemical.boilingPoint(), ambientTemperature, relativeHumidity,
                DEFAULT_RADIATIVE_FRACTION);
    }
}
