package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;

/**
 * BLEVE fireball (CCPS "Guidelines for Consequence Analysis of Chemical Releases" 1999, §2.2.6; CCPS
 * "Guidelines for Evaluating the Characteristics of Vapor Cloud Explosions, Flash Fires and BLEVEs" 1994;
 * TNO Yellow Book CPR 14E ch. 6):
 *
 * <pre>
 * D_max = 5.8 · M^(1/3)                      [m]
 * t     = 0.45 · M^(1/3)    for M &lt; 30 000 kg   [s]
 *       = 2.6  · M^(1/6)    for M ≥ 30 000 kg
 * H     = 0.75 · D_max                       (centre height) [m]
 * Fr    = 0.27 · P^0.32  (P vessel pressure [MPa], Roberts 1982), capped at 0.40
 * E     = Fr · M · ΔHc / (π · D_max² · t)    (surface emissive power) [W/m²]
 * q     = τ · E · F,   F = (D_max/2)² / L²,   L = sqrt(d² + H²),  τ over L − D_max/2
 * </pre>
 *
 * Injury radii: distance where the dose t·q^(4/3) gives probit 5 with {@link ThermalProbit}
 * (death: Eisenberg; second- and first-degree burns). M is the flammable mass, 1 … 1e7 kg.
 */
public final class Fireball {

    /** Mass [kg] separating the two duration correlations. */
    public static final double DURATION_MASS_LIMIT = 30_000;

    private Fireball() {
    }

    /**
     * @param fuelMass M [kg], 1 … 1e7
     * @return D_max = 5.8·M^(1/3) [m]
     */
    public static double diameter(double fuelMass) {
        Check.range("fuelMass M [kg]", fuelMass, 1, 1e7);
        return 5.8 * Math.cbrt(fuelMass);
    }

    /**
     * @param fuelMass M [kg], 1 … 1e7
     * @return duration [s]: 0.45·M^(1/3) below 30 000 kg, 2.6·M^(1/6) above
     */
    public static double duration(double fuelMass) {
        Check.range("fuelMass M [kg]", fuelMass, 1, 1e7);
        return fuelMass < DURATION_MASS_LIMIT ? 0.45 * Math.cbrt(fuelMass) : 2.6 * Math.pow(fuelMass, 1.0 / 6.0);
    }

    /**
     * @param vesselPressure absolute pressure [Pa], 1e5 … 1e7
     * @return Fr = min(0.4, 0.27·(P/1e6)^0.32)
     */
    public static double radiativeFraction(double vesselPressure) {
        Check.range("vesselPressure [Pa]", vesselPressure, 1e5, 1e7);
        return Math.min(0.4, 0.27 * Math.pow(vesselPressure / 1e6, 0.32));
    }

    /**
     * Full assessment.
     *
     * @param in input
     * @return geometry, emissive power and injury radii
     */
    public static FireballResult assess(FireballInput in) {
        Check.notNull("input", in);
        double m = in.fuelMass();
        double d = diameter(m);
        double t = duration(m);
        double fr = radiativeFraction(in.vesselPressure());
        double e = fr * m * in.heatOfCombustion() / (Math.PI * d * d * t);
        FireballResult base = new FireballResult(in, d, t, 0.75 * d, fr, e / 1000, 0, 0, 0);
        return new FireballResult(in, d, t, 0.75 * d, fr, e / 1000, base.radiusFor(ThermalProbit.DEATH_EISENBERG),
                base.radiusFor(ThermalProbit.SECOND_DEGREE_BURN), base.radiusFor(ThermalProbit.FIRST_DEGREE_BURN));
    }

    /** Heat flux [W/m²] at horizontal distance d [m]. */
    static double flux(FireballResult r, double d) {
        double h = r.centreHeight();
        double l = Math.sqrt(d * d + h * h);
        double radius = r.diameter() / 2;
        double tau = AtmosphericTransmissivity.transmissivity(Math.max(0, l - radius), r.input().relativeHumidity(),
                r.input().ambientTemperature());
        double f = Math.min(1, radius * radius / (l * l));
        return tau * r.surfaceEmissivePower() * 1000 * f;
    }
}
