package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;

/**
 * Source terms for releases through a hole in a vessel or pipe wall (orifice flow, no pipe friction).
 *
 * <p><b>Liquid</b> (Bernoulli with discharge coefficient; Crowl &amp; Louvar "Chemical Process Safety",
 * "liquid flow through a hole" and "through a hole in a tank"; CCPS 1999 §2.1.1 eq. 2.1.x; TNO Yellow
 * Book CPR 14E ch. 2; identical form in the Chinese safety-assessment liquid-leak formula
 * Q = Cd·A·ρ·sqrt(2(P−P0)/ρ + 2gh)):
 *
 * <pre>
 * Qm = Cd · A · ρ · sqrt( 2·ΔP/ρ + 2·g·h )
 * </pre>
 *
 * ΔP gauge pressure above the liquid [Pa], h liquid head above the hole [m], ρ liquid density [kg/m³],
 * A hole area [m²], Cd discharge coefficient (sharp-edged orifice 0.61, Crowl &amp; Louvar; Chinese
 * guides use 0.60–0.64 for round holes). Instantaneous rate: the head/pressure at the moment of
 * evaluation. Valid for subcooled liquid (no flashing in the hole).
 *
 * <p><b>Gas</b> (isentropic nozzle flow of an ideal gas; Crowl &amp; Louvar "free expansion release";
 * CCPS 1999 §2.1.1; TNO Yellow Book CPR 14E §2.5):
 *
 * <pre>
 * critical ratio  rc = (2/(γ+1))^(γ/(γ−1))
 * choked  (Pa/P0 ≤ rc):  Qm = Cd·A·P0·sqrt( γ·M/(R·T0) · (2/(γ+1))^((γ+1)/(γ−1)) )
 * subsonic:              Qm = Cd·A·P0·sqrt( 2·M/(R·T0) · γ/(γ−1) · [ (Pa/P0)^(2/γ) − (Pa/P0)^((γ+1)/γ) ] )
 * </pre>
 *
 * P0 absolute upstream pressure [Pa], T0 upstream temperature [K], M molar mass [kg/mol in the formula,
 * g/mol as input], γ = cp/cv, Pa ambient pressure [Pa]; Cd = 1.0 gives the conservative (maximum) rate
 * (Crowl &amp; Louvar recommend 1.0 when unknown).
 */
public final class HoleRelease {

    /** Discharge coefficient of a sharp-edged orifice for liquids (Crowl &amp; Louvar). */
    public static final double DEFAULT_LIQUID_DISCHARGE_COEFFICIENT = 0.61;
    /** Conservative discharge coefficient for gases (Crowl &amp; Louvar). */
    public static final double DEFAULT_GAS_DISCHARGE_COEFFICIENT = 1.0;
    /** Standard gravity [m/s²]. */
    public static final double G = 9.80665;

    private HoleRelease() {
    }

    /**
     * Liquid release rate.
     *
     * @param holeDiameter equivalent hole diameter [m], (0, 2]
     * @param dischargeCoefficient Cd, (0, 1]
     * @param liquidDensity ρ [kg/m³], (0, 25000]
     * @param gaugePressure pressure above the liquid surface minus ambient [Pa], 0 … 1e8
     * @param liquidHead height of liquid above the hole [m], 0 … 200
     * @return rate, velocity, volume flow, area
     */
    public static LiquidReleaseResult liquid(double holeDiameter, double dischargeCoefficient, double liquidDensity,
            double gaugePressure, double liquidHead) {
        Check.rangeOpenLow("holeDiameter [m]", holeDiameter, 0, 2);
        Check.rangeOpenLow("dischargeCoefficient [-]", dischargeCoefficient, 0, 1);
        Check.rangeOpenLow("liquidDensity [kg/m3]", liquidDensity, 0, 25_000);
        Check.range("gaugePressure [Pa]", gaugePressure, 0, 1e8);
        Check.range("liquidHead [m]", liquidHead, 0, 200);
        if (gaugePressure == 0 && liquidHead == 0) {
            throw new ModelInputException("gaugePressure [Pa] + liquidHead [m]", "0 + 0",
                    "a positive driving pressure (gaugePressure > 0 or liquidHead > 0)");
        }
        double area = Math.PI * holeDiameter * holeDiameter / 4;
        double velocityIdeal = Math.sqrt(2 * gaugePressure / liquidDensity + 2 * G * liquidHead);
        double mass = dischargeCoefficient * area * liquidDensity * velocityIdeal;
        return new LiquidReleaseResult(mass, mass / (liquidDensity * area), mass / liquidDensity, area);
    }

    /**
     * Gas release rate (choked or subsonic, chosen automatically).
     *
     * @param holeDiameter equivalent hole diameter [m], (0, 2]
     * @param dischargeCoefficient Cd, (0, 1]
     * @param upstreamPressure absolute upstream pressure P0 [Pa], (ambientPressure, 1e8]
     * @param upstreamTemperature T0 [K], 20 … 1500
     * @param molarMass M [g/mol], (0, 500]
     * @param heatCapacityRatio γ = cp/cv, (1, 1.7]
     * @param ambientPressure Pa [Pa], 50 000 … 200 000
     * @return rate, flow regime, critical ratio, area
     */
    public static GasReleaseResult gas(double holeDiameter, double dischargeCoefficient, double upstreamPressure,
            double upstreamTemperature, double molarMass, double heatCapacityRatio, double ambientPressure) {
        Check.rangeOpenLow("holeDiameter [m]", holeDiameter, 0, 2);
        Check.rangeOpenLow("dischargeCoefficient [-]", dischargeCoefficient, 0, 1);
        Check.range("ambientPressure [Pa]", ambientPressure, 50_000, 200_000);
        Check.finite("upstreamPressure [Pa]", upstreamPressure);
        if (upstreamPressure <= ambientPressure || upstreamPressure > 1e8) {
            throw new ModelInputException("upstreamPressure [Pa] (absolute)", upstreamPressure,
                    "(" + ambientPressure + " (ambientPressure), 1.0E8]");
        }
        Check.range("upstreamTemperature [K]", upstreamTemperature, 20, 1500);
        Check.rangeOpenLow("molarMass [g/mol]", molarMass, 0, 500);
        Check.rangeOpenLow("heatCapacityRatio [-]", heatCapacityRatio, 1, 1.7);
        double g = heatCapacityRatio;
        double area = Math.PI * holeDiameter * holeDiameter / 4;
        double m = molarMass / 1000.0;
        double rt = ConcentrationUnits.GAS_CONSTANT * upstreamTemperature;
        double rc = Math.pow(2 / (g + 1), g / (g - 1));
        double ratio = ambientPressure / upstreamPressure;
        double mass;
        boolean choked = ratio <= rc;
        if (choked) {
            mass = dischargeCoefficient * area * upstreamPressure
                    * Math.sqrt(g * m / rt * Math.pow(2 / (g + 1), (g + 1) / (g - 1)));
        } else {
            mass = dischargeCoefficient * area * upstreamPressure
                    * Math.sqrt(2 * m / rt * g / (g - 1) * (Math.pow(ratio, 2 / g) - Math.pow(ratio, (g + 1) / g)));
        }
        return new GasReleaseResult(mass, choked, rc, area);
    }
}
