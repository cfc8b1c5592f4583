package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;

/**
 * Parameters of the TNT-equivalence vapour cloud explosion model ({@link VapourCloudExplosion}).
 *
 * @param yieldFactor α, fraction of the combustion energy that drives the blast, (0, 1]; default 0.04
 *     (Chinese safety-assessment practice; CCPS and Lees quote 0.01–0.10, typically 0.03–0.04)
 * @param tntHeat Q_TNT, TNT blast energy [J/kg]; default 4.52e6 (4520 kJ/kg)
 * @param groundReflectionFactor β, multiplier for a ground-level burst (reflection nearly doubles the
 *     blast); default 1.8 as in Chinese VCE practice (W_TNT = 1.8·α·W·Q_f/Q_TNT); use 1.0 for a free-air burst
 * @param ambientPressure P0 [Pa], 50 000 … 200 000; default 101 325
 */
public record TntParameters(double yieldFactor, double tntHeat, double groundReflectionFactor,
        double ambientPressure) {

    /** α = 0.04, Q_TNT = 4520 kJ/kg, β = 1.8 (ground burst), P0 = 101 325 Pa. */
    public static final TntParameters DEFAULTS = new TntParameters(0.04, 4.52e6, 1.8, 101_325);

    /** Validates the inputs. */
    public TntParameters {
        Check.rangeOpenLow("yieldFactor alpha [-]", yieldFactor, 0, 1);
        Check.range("tntHeat Q_TNT [J/kg]", tntHeat, 3.0e6, 6.0e6);
        Check.range("groundReflectionFactor beta [-]", groundReflectionFactor, 1, 2);
        Check.range("ambientPressure P0 [Pa]", ambientPressure, 50_000, 200_000);
    }

    /** @return a copy with β = 1 (free-air burst, as in the plain W_TNT = α·W·Q_f/Q_TNT formula) */
    public TntParameters withoutGroundReflection() {
        return new TntParameters(yieldFactor, tntHeat, 1.0, ambientPressure);
    }

    /**
     * @param alpha new yield factor
     * @return a copy with another yield factor
     */
    public TntParameters withYieldFactor(double alpha) {
        return new TntParameters(alpha, tntHeat, groundReflectionFactor, ambientPressure);
    }
}
