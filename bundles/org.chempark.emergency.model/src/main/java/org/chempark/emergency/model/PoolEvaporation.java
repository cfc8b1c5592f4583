package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;

/**
 * Evaporation of a non-boiling liquid pool by forced convection, Mackay &amp; Matsugu (1973) mass-transfer
 * correlation as given in CCPS "Guidelines for Consequence Analysis of Chemical Releases" (1999, §2.1.3)
 * and TNO Yellow Book CPR 14E (ch. 3, evaporation from non-boiling pools):
 *
 * <pre>
 * k  = 0.0048 · u^(7/9) · D^(−1/9) · Sc^(−2/3)      [m/s]  (u [m/s] wind at 10 m, D pool diameter [m])
 * Qm = k · A · M · Psat(TL) / (R · TL)               [kg/s]
 * </pre>
 *
 * The SI constant 0.0048 corresponds to the original 0.0292 with u and k in m/h (Mackay &amp; Matsugu 1973):
 * 0.0292·3600^0.78/3600 ≈ 0.00482 (the original exponents are 0.78, −0.11, −0.67; CCPS writes 7/9, −1/9, −2/3).
 * Sc is the gas-phase Schmidt number (≈ 0.8 for most organic vapours, the CCPS default). TL is the pool
 * (liquid) temperature; the vapour concentration far from the pool is taken as zero.
 *
 * <p>Validity: non-boiling pools only (Psat &lt; ambient pressure); pool diameter 0.1 … 200 m; wind
 * 0.5 … 20 m/s. Boiling pools of refrigerated/liquefied gases are heat-transfer limited and need a
 * different model (not provided). The Chinese safety-assessment "质量蒸发" formula
 * Q = a·p·M/(R·T0)·u^((2−n)/(2+n))·r^((4+n)/(2+n)) (Sutton type, a/n by stability class) is an
 * alternative correlation not implemented here.
 */
public final class PoolEvaporation {

    /** Default Schmidt number (CCPS). */
    public static final double DEFAULT_SCHMIDT_NUMBER = 0.8;

    private PoolEvaporation() {
    }

    /**
     * Mass-transfer coefficient.
     *
     * @param windSpeed u [m/s], 0.5 … 20
     * @param poolDiameter D [m], 0.1 … 200
     * @param schmidtNumber Sc [-], 0.1 … 10
     * @return k [m/s]
     */
    public static double massTransferCoefficient(double windSpeed, double poolDiameter, double schmidtNumber) {
        Check.range("windSpeed [m/s]", windSpeed, 0.5, 20);
        Check.range("poolDiameter [m]", poolDiameter, 0.1, 200);
        Check.range("schmidtNumber [-]", schmidtNumber, 0.1, 10);
        return 0.0048 * Math.pow(windSpeed, 7.0 / 9.0) * Math.pow(poolDiameter, -1.0 / 9.0)
                * Math.pow(schmidtNumber, -2.0 / 3.0);
    }

    /**
     * Evaporation rate from explicit properties.
     *
     * @param poolDiameter D [m], 0.1 … 200
     * @param windSpeed u [m/s], 0.5 … 20
     * @param vapourPressure Psat at the pool temperature [Pa], (0, ambientPressure)
     * @param molarMass M [g/mol], (0, 500]
     * @param liquidTemperature TL [K], 150 … 500
     * @param schmidtNumber Sc [-], 0.1 … 10
     * @param ambientPressure [Pa], 50 000 … 200 000
     * @return rate and intermediate values
     */
    public static EvaporationResult evaporate(double poolDiameter, double windSpeed, double vapourPressure,
            double molarMass, double liquidTemperature, double schmidtNumber, double ambientPressure) {
        Check.range("ambientPressure [Pa]", ambientPressure, 50_000, 200_000);
        Check.finite("vapourPressure [Pa]", vapourPressure);
        if (vapourPressure <= 0 || vapourPressure >= ambientPressure) {
            throw new ModelInputException("vapourPressure [Pa]", vapourPressure,
                    "(0, " + ambientPressure + ") — a pool at or above its boiling point needs a boiling-pool model");
        }
        Check.rangeOpenLow("molarMass [g/mol]", molarMass, 0, 500);
        Check.range("liquidTemperature [K]", liquidTemperature, 150, 500);
        double k = massTransferCoefficient(windSpeed, poolDiameter, schmidtNumber);
        double area = Math.PI * poolDiameter * poolDiameter / 4;
        double flux = k * (molarMass / 1000.0) * vapourPressure / (ConcentrationUnits.GAS_CONSTANT * liquidTemperature);
        return new EvaporationResult(flux * area, flux, k, vapourPressure, area);
    }

    /**
     * Evaporation rate of a tabulated chemical, vapour pressure from its Antoine coefficients, Sc = 0.8,
     * ambient pressure 101 325 Pa.
     *
     * @param chemical chemical with Antoine coefficients
     * @param poolDiameter D [m], 0.1 … 200
     * @param windSpeed u [m/s], 0.5 … 20
     * @param liquidTemperature TL [K], within the chemical's Antoine range and below its boiling point
     * @return rate and intermediate values
     */
    public static EvaporationResult evaporate(Chemical chemical, double poolDiameter, double windSpeed,
            double liquidTemperature) {
        Check.notNull("chemical", chemical);
        return evaporate(poolDiameter, windSpeed, chemical.vapourPressure(liquidTemperature), chemical.molarMass(),
                liquidTemperature, DEFAULT_SCHMIDT_NUMBER, ConcentrationUnits.STANDARD_PRESSURE);
    }
}
