package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;
import org.chempark.emergency.model.internal.Solver;

/**
 * Result of {@link Fireball#assess}.
 *
 * @param input the input
 * @param diameter D_max [m]
 * @param duration t [s]
 * @param centreHeight H [m]
 * @param radiativeFraction Fr [-]
 * @param surfaceEmissivePower E [kW/m²]
 * @param deathRadius 50 % fatality (Eisenberg) ground distance from below the centre [m] (0 if not reached)
 * @param secondDegreeBurnRadius 50 % second-degree burn distance [m]
 * @param firstDegreeBurnRadius 50 % first-degree burn distance [m]
 */
public record FireballResult(FireballInput input, double diameter, double duration, double centreHeight,
        double radiativeFraction, double surfaceEmissivePower, double deathRadius, double secondDegreeBurnRadius,
        double firstDegreeBurnRadius) {

    /**
     * Heat flux on a target facing the fireball: q = τ·E·(D/2)²/L², L = sqrt(d² + H²), τ over L − D/2.
     *
     * @param distance horizontal ground distance from the point below the fireball centre [m], 0 … 100 000
     * @return q [kW/m²]
     */
    public double heatFluxAt(double distance) {
        Check.range("distance [m]", distance, 0, 100_000);
        return Fireball.flux(this, distance) / 1000;
    }

    /**
     * The heat-flux field for domino analysis.
     *
     * @param east easting of the point below the fireball centre [m]
     * @param north northing [m]
     * @return field in kW/m²
     */
    public ScenarioField asField(double east, double north) {
        return ScenarioField.radial(ScenarioField.Kind.HEAT_FLUX_KW_M2, east, north,
                d -> Fireball.flux(this, Math.min(d, 1e5)) / 1000);
    }

    /**
     * Ground distance at which the thermal dose over the fireball duration gives probit Y = 5 (50 %).
     *
     * @param probit probit function
     * @return distance [m], 0 if not reached even directly below the fireball
     */
    public double radiusFor(ThermalProbit probit) {
        Check.notNull("probit", probit);
        double q = probit.heatFluxFor(5, duration);
        if (Fireball.flux(this, 0) < q) {
            return 0;
        }
        double hi = Math.max(10, diameter);
        while (Fireball.flux(this, hi) >= q) {
            hi *= 2;
        }
        return Solver.bisect(d -> Fireball.flux(this, d) - q, 0, hi, 1e-10);
    }
}
