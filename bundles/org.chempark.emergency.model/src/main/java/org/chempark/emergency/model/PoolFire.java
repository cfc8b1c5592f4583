package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;

/**
 * Pool fire: burning rate, flame height and thermal radiation (point-source model).
 *
 * <pre>
 * burning rate (Burgess et al. 1961; CCPS 1999 §2.2.5):
 *     m'' = 1.0e-3 · ΔHc / ΔH*   [kg/(m²·s)],  ΔH* = ΔHv + cp·(Tb − Ta) if Tb &gt; Ta, else ΔHv
 * flame height (Thomas 1963; CCPS 1999; TNO Yellow Book CPR 14E ch. 6):
 *     H / D = 42 · [ m'' / (ρa · sqrt(g·D)) ]^0.61,   ρa = 1.2 kg/m³
 * radiated power (point source, CCPS 1999 §2.2.5):   Qr = η · m'' · ΔHc · πD²/4
 * heat flux at a ground target, source at flame mid-height:
 *     q = τ · Qr / (4π·L²),   L² = d² + (H/2)²,   τ Pietersen–Huerta ({@link AtmosphericTransmissivity})
 * solid-flame surface emissive power (Mudan &amp; Croce, informative): SEP = η·m''·ΔHc / (1 + 4H/D)
 * </pre>
 *
 * Validity: D 0.5 … 100 m, flat ground, no wind tilt, unobstructed view. The point-source model
 * underestimates fluxes close to the flame (roughly within 2–3 D); distances smaller than D/2 lie inside
 * the burning pool. The Chinese textbook variant Q = (πr²+2πrh)·m_f·η·H_c/(72·m_f^0.61 + 1) is not used.
 */
public final class PoolFire {

    /** Ambient air density used in Thomas' correlation [kg/m³]. */
    public static final double AIR_DENSITY = 1.2;

    private PoolFire() {
    }

    /**
     * Burgess burning rate.
     *
     * @param heatOfCombustion ΔHc [J/kg], &gt; 0
     * @param heatOfVaporisation ΔHv [J/kg], &gt; 0
     * @param liquidHeatCapacity cp [J/(kg·K)] (ignored if Tb ≤ Ta)
     * @param boilingPoint Tb [K]
     * @param ambientTemperature Ta [K]
     * @return m'' [kg/(m²·s)]
     */
    public static double burningRate(double heatOfCombustion, double heatOfVaporisation, double liquidHeatCapacity,
            double boilingPoint, double ambientTemperature) {
        Check.positive("heatOfCombustion [J/kg]", heatOfCombustion);
        Check.positive("heatOfVaporisation [J/kg]", heatOfVaporisation);
        Check.positive("boilingPoint [K]", boilingPoint);
        Check.positive("ambientTemperature [K]", ambientTemperature);
        double h = heatOfVaporisation;
        if (boilingPoint > ambientTemperature) {
            h += Check.positive("liquidHeatCapacity [J/(kg K)]", liquidHeatCapacity) * (boilingPoint - ambientTemperature);
        }
        return 1.0e-3 * heatOfCombustion / h;
    }

    /**
     * Thomas flame height H = 42·D·[m''/(ρa·sqrt(gD))]^0.61.
     *
     * @param poolDiameter D [m], &gt; 0
     * @param burningRate m'' [kg/(m²·s)], &gt; 0
     * @return H [m]
     */
    public static double flameHeight(double poolDiameter, double burningRate) {
        Check.positive("poolDiameter [m]", poolDiameter);
        Check.positive("burningRate [kg/(m2 s)]", burningRate);
        return 42 * poolDiameter * Math.pow(burningRate / (AIR_DENSITY * Math.sqrt(HoleRelease.G * poolDiameter)), 0.61);
    }

    /**
     * Diameter of the circle with the area of a dike / bund.
     *
     * @param area pool area [m²], &gt; 0
     * @return D = sqrt(4A/π) [m]
     */
    public static double diameterFromArea(double area) {
        return Math.sqrt(4 * Check.positive("area [m2]", area) / Math.PI);
    }

    /**
     * Steady-state diameter of an unconfined burning pool fed by a continuous spill (spill = burn rate).
     *
     * @param spillRate [kg/s], &gt; 0
     * @param burningRate m'' [kg/(m²·s)], &gt; 0
     * @return D = sqrt(4·Q/(π·m'')) [m]
     */
    public static double equilibriumDiameter(double spillRate, double burningRate) {
        Check.positive("spillRate [kg/s]", spillRate);
        Check.positive("burningRate [kg/(m2 s)]", burningRate);
        return Math.sqrt(4 * spillRate / (Math.PI * burningRate));
    }

    /**
     * Full assessment.
     *
     * @param in input
     * @return burning rate, flame height, SEP, radiated power and flux/distance methods
     */
    public static PoolFireResult assess(PoolFireInput in) {
        Check.notNull("input", in);
        double m = burningRate(in.heatOfCombustion(), in.heatOfVaporisation(), in.liquidHeatCapacity(),
                in.boilingPoint(), in.ambientTemperature());
        double d = in.poolDiameter();
        double h = flameHeight(d, m);
        double qr = in.radiativeFraction() * m * in.heatOfCombustion() * Math.PI * d * d / 4;
        double sep = in.radiativeFraction() * m * in.heatOfCombustion() / (1 + 4 * h / d) / 1000;
        return new PoolFireResult(in, m, h, sep, qr);
    }
}
