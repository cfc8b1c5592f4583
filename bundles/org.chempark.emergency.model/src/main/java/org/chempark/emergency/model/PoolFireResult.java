package org.chempark.emergency.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chempark.emergency.model.internal.Check;
import org.chempark.emergency.model.internal.Solver;

/**
 * Result of {@link PoolFire#assess}; heat flux by the point-source model (see {@link PoolFire}).
 *
 * @param input the input
 * @param burningRate m'' [kg/(m²·s)]
 * @param flameHeight H [m]
 * @param surfaceEmissivePower SEP of the equivalent solid cylinder [kW/m²] (informative)
 * @param radiativePower Qr = η·m''·ΔHc·A [W]
 */
public record PoolFireResult(PoolFireInput input, double burningRate, double flameHeight, double surfaceEmissivePower,
        double radiativePower) {

    /** Standard heat-flux levels [kW/m²] reported by {@link #thresholdDistances()}. */
    public static final double[] STANDARD_THRESHOLDS = {37.5, 25.0, 12.5, 4.0, 1.6};

    /**
     * Incident heat flux on a ground-level target, point source at flame mid-height:
     * q = τ·Qr/(4π·L²), L = sqrt(d² + (H/2)²), τ over the path L.
     *
     * @param distance horizontal distance from the pool centre [m], 0 … 100 000
     * @return heat flux [kW/m²]
     */
    public double heatFluxAt(double distance) {
        Check.range("distance [m]", distance, 0, 100_000);
        return flux(distance);
    }

    private double flux(double d) {
        double h = flameHeight / 2;
        double l2 = d * d + h * h;
        double tau = AtmosphericTransmissivity.transmissivity(Math.sqrt(l2), input.relativeHumidity(),
                input.ambientTemperature());
        return tau * radiativePower / (4 * Math.PI * l2) / 1000;
    }

    /**
     * Horizontal distance from the pool centre to a heat-flux level (bisection).
     *
     * @param heatFlux level [kW/m²], &gt; 0
     * @return distance [m]; 0 if the level is not reached even at the pool centre
     */
    public double distanceTo(double heatFlux) {
        Check.positive("heatFlux [kW/m2]", heatFlux);
        if (flux(0) < heatFlux) {
            return 0;
        }
        double hi = Math.max(1, flameHeight);
        while (flux(hi) >= heatFlux) {
            hi *= 2;
            if (hi > 1e6) {
                throw new ModelInputException("heatFlux [kW/m2]", heatFlux, "a level reached within 1000 km");
            }
        }
        return Solver.bisect(d -> flux(d) - heatFlux, 0, hi, 1e-10);
    }

    /** @return distances [m] to 37.5, 25, 12.5, 4.0 and 1.6 kW/m², keyed by the level (insertion order) */
    public Map<Double, Double> thresholdDistances() {
        Map<Double, Double> m = new LinkedHashMap<>();
        for (double q : STANDARD_THRESHOLDS) {
            m.put(q, distanceTo(q));
        }
        return m;
    }

    /**
     * The heat-flux field around the pool for domino analysis.
     *
     * @param poolEast pool centre easting [m]
     * @param poolNorth pool centre northing [m]
     * @return field in kW/m²
     */
    public ScenarioField asField(double poolEast, double poolNorth) {
        return ScenarioField.radial(ScenarioField.Kind.HEAT_FLUX_KW_M2, poolEast, poolNorth, d -> flux(Math.min(d, 1e5)));
    }
}
