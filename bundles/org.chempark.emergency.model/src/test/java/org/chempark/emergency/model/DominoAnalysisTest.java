package org.chempark.emergency.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DominoAnalysisTest {

    @Test
    void heatFluxThresholdsDependOnEquipmentType() {
        // synthetic field: q = 60 kW/m² · (10/d)², so q(20) = 15, q(11) = 49.59, q(12) = 41.67
        ScenarioField f = ScenarioField.radial(ScenarioField.Kind.HEAT_FLUX_KW_M2, 0, 0, d -> 60 * 100 / (d * d));
        List<NeighbourUnit> units = List.of(
                new NeighbourUnit("T-atm-19", 19, 0, EquipmentType.ATMOSPHERIC),
                new NeighbourUnit("T-atm-21", 0, 21, EquipmentType.ATMOSPHERIC),
                new NeighbourUnit("V-pr-11", -11, 0, EquipmentType.PRESSURISED),
                new NeighbourUnit("V-pr-12", 0, -12, EquipmentType.PRESSURISED));
        List<DominoExposure> all = DominoAnalysis.assess(units, f, EscalationThresholds.COZZANI);
        assertThat(all).extracting(DominoExposure::escalation).containsExactly(true, false, true, false);
        assertThat(all.get(2).value()).isCloseTo(49.587, within(0.001));
        assertThat(all.get(2).threshold()).isEqualTo(45);
        assertThat(DominoAnalysis.escalating(units, f, EscalationThresholds.COZZANI))
                .extracting(e -> e.unit().id()).containsExactly("T-atm-19", "V-pr-11");
        // with the 50 kW/m² value the 11 m pressurised vessel no longer escalates
        assertThat(DominoAnalysis.escalating(units, f, EscalationThresholds.COZZANI.withPressurisedHeatFlux(50)))
                .extracting(e -> e.unit().id()).containsExactly("T-atm-19");
    }

    @Test
    void explosionOverpressureField() {
        ExplosionResult r = VapourCloudExplosion.assess(2000, 46.35e6, TntParameters.DEFAULTS);
        double r22 = VapourCloudExplosion.radiusForOverpressure(r.tntMass(), 22_000, TntParameters.DEFAULTS);
        double r16 = VapourCloudExplosion.radiusForOverpressure(r.tntMass(), 16_000, TntParameters.DEFAULTS);
        List<NeighbourUnit> units = List.of(
                new NeighbourUnit("atm-in", 100 + r22 * 0.99, 50, EquipmentType.ATMOSPHERIC),
                new NeighbourUnit("atm-out", 100 + r22 * 1.01, 50, EquipmentType.ATMOSPHERIC),
                new NeighbourUnit("pr-in", 100, 50 + r16 * 0.99, EquipmentType.PRESSURISED),
                new NeighbourUnit("pr-out", 100, 50 - r16 * 1.01, EquipmentType.PRESSURISED),
                new NeighbourUnit("very-close", 101, 50, EquipmentType.PRESSURISED));
        List<DominoExposure> e = DominoAnalysis.assess(units, r.asField(100, 50), EscalationThresholds.COZZANI);
        assertThat(e).extracting(DominoExposure::escalation).containsExactly(true, false, true, false, true);
        assertThat(e.get(0).kind()).isEqualTo(ScenarioField.Kind.OVERPRESSURE_KPA);
    }

    @Test
    void poolFireAndFireballFieldsMatchTheirResults() {
        PoolFireResult pf = PoolFire.assess(PoolFireInput.of(ChemicalProperties.defaults().get("108-88-3"), 20, 293.15, 0.5));
        ScenarioField f = pf.asField(10, 10);
        assertThat(f.valueAt(40, 50)).isCloseTo(pf.heatFluxAt(50), within(1e-9));
        FireballResult fb = Fireball.assess(new FireballInput(10_000, 46.35e6, 1.5e6, 293.15, 0.5));
        assertThat(fb.asField(0, 0).valueAt(0, 150)).isCloseTo(fb.heatFluxAt(150), within(1e-9));
    }

    @Test
    void invalid() {
        assertThatThrownBy(() -> new NeighbourUnit("x", Double.NaN, 0, EquipmentType.ATMOSPHERIC))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("east");
        assertThatThrownBy(() -> new EscalationThresholds(0, 45, 22, 16)).isInstanceOf(ModelInputException.class);
    }
}
