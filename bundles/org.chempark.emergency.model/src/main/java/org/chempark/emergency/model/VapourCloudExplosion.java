package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;
import org.chempark.emergency.model.internal.Solver;

/**
 * Vapour cloud explosion by TNT equivalence, as used in Chinese safety assessment (e.g. the VCE section
 * of the national safety-assessor textbook 《安全评价》 and AQ/T 3046-type consequence practice; TNT
 * equivalence itself: CCPS 1999 §3.1.2, Lees' Loss Prevention ch. 17, TNO Yellow Book CPR 14E ch. 5).
 *
 * <pre>
 * W_TNT = β · α · W · Q_f / Q_TNT                                   (TNT-equivalent mass, kg)
 * E     = W_TNT · Q_TNT                                             (blast energy, J)
 * R_0.5 = 13.6 · (W_TNT / 1000)^0.37                                (death radius, m; W_TNT in kg)
 * ΔP/P0 = 0.137·Z^-3 + 0.119·Z^-2 + 0.269·Z^-1 − 0.019,  Z = R·(P0/E)^(1/3),  1 ≤ Z ≤ 10
 *         serious injury: ΔP = 44 kPa; light injury: ΔP = 17 kPa (solved for R by bisection)
 * R_II  = K_II · W_TNT^(1/3) / [1 + (3175/W_TNT)²]^(1/6),  K_II = 5.6   (property damage radius, m)
 * </pre>
 *
 * <ul>
 *   <li>W flammable mass in the cloud [kg]; Q_f its heat of combustion [J/kg]</li>
 *   <li>α yield factor (default 0.04), β ground reflection factor (default 1.8), Q_TNT = 4.52 MJ/kg
 *       ({@link TntParameters})</li>
 *   <li>P0 ambient pressure [Pa]; ΔP side-on overpressure [Pa]</li>
 * </ul>
 *
 * <p>Validity of the overpressure correlation: 1 ≤ Z ≤ 10, i.e. about 51 kPa down to 0.9 kPa at
 * P0 = 101.325 kPa; outside this a {@link ModelInputException} is thrown. TNT equivalence ignores
 * congestion/confinement; for detailed studies use multi-energy or BST methods.
 */
public final class VapourCloudExplosion {

    /** Lower validity limit of the scaled distance Z. */
    public static final double MIN_SCALED_DISTANCE = 1.0;
    /** Upper validity limit of the scaled distance Z. */
    public static final double MAX_SCALED_DISTANCE = 10.0;
    /** Serious-injury overpressure criterion [Pa]. */
    public static final double SERIOUS_INJURY_OVERPRESSURE = 44_000;
    /** Light-injury overpressure criterion [Pa]. */
    public static final double LIGHT_INJURY_OVERPRESSURE = 17_000;
    /** Property-damage constant K_II (Chinese practice, second damage class). */
    public static final double K_II = 5.6;

    private VapourCloudExplosion() {
    }

    /**
     * TNT-equivalent mass.
     *
     * @param fuelMass W, flammable mass in the cloud [kg], (0, 1e7]
     * @param heatOfCombustion Q_f [J/kg], (0, 2e8]
     * @param p parameters
     * @return W_TNT = β·α·W·Q_f/Q_TNT [kg]
     */
    public static double tntMass(double fuelMass, double heatOfCombustion, TntParameters p) {
        Check.rangeOpenLow("fuelMass W [kg]", fuelMass, 0, 1e7);
        Check.rangeOpenLow("heatOfCombustion Q_f [J/kg]", heatOfCombustion, 0, 2e8);
        Check.notNull("parameters", p);
        return p.groundReflectionFactor() * p.yieldFactor() * fuelMass * heatOfCombustion / p.tntHeat();
    }

    /**
     * Complete assessment.
     *
     * @param fuelMass W [kg], (0, 1e7]
     * @param heatOfCombustion Q_f [J/kg]
     * @param p parameters
     * @return TNT mass, energy and the four radii
     */
    public static ExplosionResult assess(double fuelMass, double heatOfCombustion, TntParameters p) {
        double w = tntMass(fuelMass, heatOfCombustion, p);
        return new ExplosionResult(w, w * p.tntHeat(), deathRadius(w), radiusForOverpressure(w, SERIOUS_INJURY_OVERPRESSURE, p),
                radiusForOverpressure(w, LIGHT_INJURY_OVERPRESSURE, p), propertyDamageRadius(w), p);
    }

    /**
     * Complete assessment for a tabulated flammable chemical (Q_f = its lower heating value).
     *
     * @param chemical flammable chemical with a heat of combustion
     * @param fuelMass W [kg]
     * @param p parameters
     * @return result
     */
    public static ExplosionResult assess(Chemical chemical, double fuelMass, TntParameters p) {
        Check.notNull("chemical", chemical);
        if (!chemical.flammable() || Double.isNaN(chemical.heatOfCombustion())) {
            throw new ModelInputException("chemical " + chemical.cas() + " (" + chemical.name() + ")",
                    "non-flammable or no heat of combustion", "a flammable chemical with a tabulated heat of combustion");
        }
        return assess(fuelMass, chemical.heatOfCombustion(), p);
    }

    /**
     * 50 % fatality radius R_0.5 = 13.6·(W_TNT/1000)^0.37.
     *
     * @param tntMass W_TNT [kg], (0, 1e7]
     * @return radius [m]
     */
    public static double deathRadius(double tntMass) {
        Check.rangeOpenLow("tntMass W_TNT [kg]", tntMass, 0, 1e7);
        return 13.6 * Math.pow(tntMass / 1000, 0.37);
    }

    /**
     * Property damage radius R = K_II·W^(1/3)/[1+(3175/W)²]^(1/6), K_II = 5.6.
     *
     * @param tntMass W_TNT [kg], (0, 1e7]
     * @return radius [m]
     */
    public static double propertyDamageRadius(double tntMass) {
        Check.rangeOpenLow("tntMass W_TNT [kg]", tntMass, 0, 1e7);
        return K_II * Math.cbrt(tntMass) / Math.pow(1 + Math.pow(3175 / tntMass, 2), 1.0 / 6.0);
    }

    /**
     * Dimensionless overpressure ΔP/P0 = 0.137Z^-3 + 0.119Z^-2 + 0.269Z^-1 − 0.019.
     *
     * @param z scaled distance, 1 … 10
     * @return ΔP/P0 [-]
     */
    public static double overpressureRatio(double z) {
        Check.range("scaledDistance Z [-]", z, MIN_SCALED_DISTANCE, MAX_SCALED_DISTANCE);
        return 0.137 / (z * z * z) + 0.119 / (z * z) + 0.269 / z - 0.019;
    }

    /**
     * Side-on overpressure at a distance.
     *
     * @param tntMass W_TNT [kg], (0, 1e7]
     * @param distance R [m]; must give 1 ≤ Z ≤ 10
     * @param p parameters (Q_TNT, P0)
     * @return ΔP [Pa]
     */
    public static double overpressure(double tntMass, double distance, TntParameters p) {
        Check.rangeOpenLow("tntMass W_TNT [kg]", tntMass, 0, 1e7);
        Check.notNull("parameters", p);
        double scale = Math.cbrt(tntMass * p.tntHeat() / p.ambientPressure());
        Check.range("distance R [m]", distance, MIN_SCALED_DISTANCE * scale, MAX_SCALED_DISTANCE * scale);
        return overpressureRatio(distance / scale) * p.ambientPressure();
    }

    /**
     * Distance at which the side-on overpressure falls to a given value (bisection on Z in [1, 10]).
     *
     * @param tntMass W_TNT [kg], (0, 1e7]
     * @param overpressure ΔP [Pa], within [ΔP(Z=10), ΔP(Z=1)] ≈ [0.94, 51.3] kPa at P0 = 101.325 kPa
     * @param p parameters
     * @return radius [m]
     */
    public static double radiusForOverpressure(double tntMass, double overpressure, TntParameters p) {
        Check.rangeOpenLow("tntMass W_TNT [kg]", tntMass, 0, 1e7);
        Check.notNull("parameters", p);
        double ratio = overpressure / p.ambientPressure();
        double hi = overpressureRatio(MIN_SCALED_DISTANCE);
        double lo = overpressureRatio(MAX_SCALED_DISTANCE);
        if (!Double.isFinite(ratio) || ratio < lo || ratio > hi) {
            throw new ModelInputException("overpressure [Pa]", overpressure,
                    "[" + lo * p.ambientPressure() + ", " + hi * p.ambientPressure() + "] (1 <= Z <= 10)");
        }
        double z = Solver.bisect(x -> overpressureRatio(x) - ratio, MIN_SCALED_DISTANCE, MAX_SCALED_DISTANCE, 1e-12);
        return z * Math.cbrt(tntMass * p.tntHeat() / p.ambientPressure());
    }
}
