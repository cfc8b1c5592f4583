package org.chempark.emergency.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class HoleReleaseTest {

    /**
     * Set-up recalled from Crowl &amp; Louvar, "Chemical Process Safety" (source models chapter, benzene
     * pipeline leak): 1/4-in hole, 100 psig, benzene specific gravity 0.8794, Cd = 0.61, leak for 90 min.
     * The printed answer is not reproduced from the book; expected values are our hand calculation:
     * A = π·(0.00635 m)²/4 = 3.1669e-5 m²; ΔP = 100·6894.757 = 689 476 Pa; ρ = 879.4 kg/m³;
     * Qm = 0.61·3.1669e-5·sqrt(2·879.4·689 476) = 0.61·3.1669e-5·34 823 = 0.6727 kg/s; × 5400 s = 3633 kg.
     * Tolerance 0.1 %.
     */
    @Test
    void benzenePipelineLeakHandCalculation() {
        LiquidReleaseResult r = HoleRelease.liquid(0.25 * 0.0254, 0.61, 879.4, 100 * 6894.757, 0);
        assertThat(r.holeArea()).isCloseTo(3.1669e-5, withinPercentage(0.01));
        assertThat(r.massRate()).isCloseTo(0.6727, withinPercentage(0.1));
        assertThat(r.massRate() * 5400).isCloseTo(3633, withinPercentage(0.1));
    }

    @Test
    void torricelliLimitAndProportionality() {
        // head only, Cd = 1: v = sqrt(2 g h) = sqrt(2·9.80665·5) = 9.9030 m/s
        LiquidReleaseResult r = HoleRelease.liquid(0.05, 1.0, 1000, 0, 5);
        assertThat(r.velocity()).isCloseTo(9.9030, withinPercentage(0.01));
        LiquidReleaseResult half = HoleRelease.liquid(0.05, 0.5, 1000, 0, 5);
        assertThat(half.massRate() / r.massRate()).isCloseTo(0.5, withinPercentage(1e-9));
        LiquidReleaseResult doubleD = HoleRelease.liquid(0.10, 1.0, 1000, 0, 5);
        assertThat(doubleD.massRate() / r.massRate()).isCloseTo(4.0, withinPercentage(1e-9));
    }

    /**
     * Set-up recalled from Crowl &amp; Louvar (gas release through a 0.1-in hole from a nitrogen tank at 200 psig,
     * 80 °F; Cd = 1, γ = 1.4). Printed answer not reproduced; hand calculation:
     * P0 = 214.696 psia = 1 480 277 Pa, T0 = 299.817 K, A = π·(0.00254)²/4 = 5.0671e-6 m²,
     * choked (Pa/P0 = 0.068 &lt; 0.5283): Qm = A·P0·sqrt(γM/(RT0)·(2/(γ+1))^((γ+1)/(γ−1)))
     *   = 5.0671e-6·1 480 277·sqrt(1.4·0.028013/(8.31446·299.817)·0.33490) = 0.017217 kg/s. Tolerance 0.1 %.
     */
    @Test
    void chokedNitrogenHandCalculation() {
        GasReleaseResult r = HoleRelease.gas(0.1 * 0.0254, 1.0, 1_480_277, 299.817, 28.013, 1.4, 101_325);
        assertThat(r.choked()).isTrue();
        assertThat(r.criticalPressureRatio()).isCloseTo(0.52828, withinPercentage(0.01));
        assertThat(r.massRate()).isCloseTo(0.017217, withinPercentage(0.1));
    }

    /**
     * Hand calculation, subsonic: air, P0 = 150 kPa, T0 = 293.15 K, 10 mm hole, Cd = 0.61, γ = 1.4, M = 28.96;
     * r = 101 325/150 000 = 0.6755; Qm = Cd·A·P0·sqrt(2M/(RT)·γ/(γ−1)·(r^(2/γ) − r^((γ+1)/γ))) = 0.016126 kg/s.
     */
    @Test
    void subsonicAirHandCalculation() {
        GasReleaseResult r = HoleRelease.gas(0.01, 0.61, 150_000, 293.15, 28.96, 1.4, 101_325);
        assertThat(r.choked()).isFalse();
        assertThat(r.massRate()).isCloseTo(0.016126, withinPercentage(0.1));
    }

    @Test
    void chokedAndSubsonicFormulasJoinContinuouslyAtTheCriticalRatio() {
        double rc = Math.pow(2 / 2.4, 1.4 / 0.4);
        double p0 = 101_325 / rc;
        double below = HoleRelease.gas(0.01, 1, p0 * 0.999999, 300, 28, 1.4, 101_325).massRate();
        double above = HoleRelease.gas(0.01, 1, p0 * 1.000001, 300, 28, 1.4, 101_325).massRate();
        assertThat(below).isCloseTo(above, withinPercentage(0.01));
        // choked flow is linear in P0
        double a = HoleRelease.gas(0.01, 1, 1e6, 300, 28, 1.4, 101_325).massRate();
        double b = HoleRelease.gas(0.01, 1, 2e6, 300, 28, 1.4, 101_325).massRate();
        assertThat(b / a).isCloseTo(2, withinPercentage(1e-9));
    }

    @Test
    void invalidInputs() {
        assertThatThrownBy(() -> HoleRelease.liquid(-0.01, 0.61, 800, 1e5, 0)).isInstanceOf(ModelInputException.class)
                .hasMessageContaining("holeDiameter [m]").hasMessageContaining("-0.01");
        assertThatThrownBy(() -> HoleRelease.liquid(0.01, 0.61, 800, 0, 0)).isInstanceOf(ModelInputException.class);
        assertThatThrownBy(() -> HoleRelease.gas(0.01, 1, 90_000, 300, 28, 1.4, 101_325))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("upstreamPressure");
        assertThatThrownBy(() -> HoleRelease.gas(0.01, 1, 2e5, 300, 28, 0.9, 101_325))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("heatCapacityRatio");
    }
}
