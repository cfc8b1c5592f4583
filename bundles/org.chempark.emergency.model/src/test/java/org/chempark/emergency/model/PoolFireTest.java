package org.chempark.emergency.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolFireTest {

    /**
     * Hand calculation (no published example reproduced): benzene pool D = 10 m, Ta = 298.15 K, RH = 0.5, η = 0.35.
     * ΔH* = 394 000 + 1740·(353.2 − 298.15) = 489 787 J/kg; m'' = 1e-3·40.14e6/489 787 = 0.081954 kg/(m²s);
     * Thomas: H = 42·10·[0.081954/(1.2·sqrt(9.80665·10))]^0.61 = 20.175 m;
     * Qr = 0.35·0.081954·40.14e6·78.540 = 9.0429e7 W; SEP = 0.35·0.081954·40.14e6/(1+4·2.0175) = 126.94 kW/m²;
     * at d = 50 m: L = sqrt(50² + 10.087²) = 51.007 m, Pw = 0.5·101 325·exp(14.4114 − 5328/298.15) = 1594.2 Pa,
     * τ = 2.02·(1594.2·51.007)^−0.09 = 0.73019, q = τ·Qr/(4πL²) = 2.0196 kW/m². Tolerance 0.2 %.
     */
    @Test
    void benzenePoolHandCalculation() {
        PoolFireResult r = PoolFire.assess(PoolFireInput.of(ChemicalProperties.defaults().get("71-43-2"), 10, 298.15, 0.5));
        assertThat(r.burningRate()).isCloseTo(0.081954, withinPercentage(0.1));
        assertThat(r.flameHeight()).isCloseTo(20.175, withinPercentage(0.1));
        assertThat(r.radiativePower()).isCloseTo(9.0429e7, withinPercentage(0.1));
        assertThat(r.surfaceEmissivePower()).isCloseTo(126.94, withinPercentage(0.1));
        assertThat(r.heatFluxAt(50)).isCloseTo(2.0196, withinPercentage(0.2));
    }

    @Test
    void liquefiedGasUsesLatentHeatOnly() {
        // propane, Tb < Ta: m'' = 1e-3·46.35e6/426e3 = 0.10880 kg/(m²s)
        PoolFireResult r = PoolFire.assess(PoolFireInput.of(ChemicalProperties.defaults().get("74-98-6"), 5, 293.15, 0.7));
        assertThat(r.burningRate()).isCloseTo(0.10880, withinPercentage(0.05));
    }

    @Test
    void thresholdDistancesAreOrderedAndSelfConsistent() {
        PoolFireResult r = PoolFire.assess(PoolFireInput.of(ChemicalProperties.defaults().get("108-88-3"), 15, 293.15, 0.6));
        Map<Double, Double> d = r.thresholdDistances();
        assertThat(d.keySet()).containsExactly(37.5, 25.0, 12.5, 4.0, 1.6);
        List<Double> values = List.copyOf(d.values());
        for (int i = 1; i < values.size(); i++) {
            assertThat(values.get(i)).isGreaterThan(values.get(i - 1));
        }
        for (Map.Entry<Double, Double> e : d.entrySet()) {
            if (e.getValue() > 0) {
                assertThat(r.heatFluxAt(e.getValue())).isCloseTo(e.getKey(), withinPercentage(0.01));
            }
        }
        // inverse-square behaviour far away (τ varies slowly): q(200)/q(400) ≈ 4·(τ ratio)
        assertThat(r.heatFluxAt(200) / r.heatFluxAt(400)).isCloseTo(4 * Math.pow(2, 0.09), withinPercentage(1));
    }

    @Test
    void largerPoolGivesLargerDistances() {
        Chemical c = ChemicalProperties.defaults().get("67-56-1");
        double small = PoolFire.assess(PoolFireInput.of(c, 5, 293.15, 0.5)).distanceTo(4.0);
        double large = PoolFire.assess(PoolFireInput.of(c, 20, 293.15, 0.5)).distanceTo(4.0);
        assertThat(large).isGreaterThan(small);
    }

    @Test
    void diameterHelpers() {
        assertThat(PoolFire.diameterFromArea(Math.PI * 25)).isCloseTo(10, within(1e-12));
        // 1 kg/s spill burning at 0.05 kg/(m²s): A = 20 m², D = sqrt(80/π) = 5.0463 m
        assertThat(PoolFire.equilibriumDiameter(1, 0.05)).isCloseTo(5.0463, withinPercentage(0.01));
    }

    @Test
    void invalidInputs() {
        Chemical chlorine = ChemicalProperties.defaults().get("7782-50-5");
        assertThatThrownBy(() -> PoolFireInput.of(chlorine, 10, 293, 0.5)).isInstanceOf(ModelInputException.class)
                .hasMessageContaining("7782-50-5");
        assertThatThrownBy(() -> new PoolFireInput(200, 4e7, 4e5, 1700, 350, 293, 0.5, 0.35))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("poolDiameter [m]").hasMessageContaining("200.0");
        assertThatThrownBy(() -> new PoolFireInput(10, 4e7, 4e5, Double.NaN, 350, 293, 0.5, 0.35))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("liquidHeatCapacity");
        PoolFireResult r = PoolFire.assess(PoolFireInput.of(ChemicalProperties.defaults().get("71-43-2"), 10, 298.15, 0.5));
        assertThatThrownBy(() -> r.heatFluxAt(-3)).isInstanceOf(ModelInputException.class);
    }
}
