package org.chempark.emergency.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class FireballTest {

    /**
     * Hand calculation with the CCPS fireball correlations (no published example reproduced): 10 000 kg propane,
     * ΔHc = 46.35 MJ/kg, vessel at 1.5 MPa, Ta = 298.15 K, RH = 0.5.
     * D = 5.8·10000^(1/3) = 124.957 m; t = 0.45·21.544 = 9.6950 s; H = 93.718 m; Fr = 0.27·1.5^0.32 = 0.30741;
     * E = 0.30741·10 000·46.35e6/(π·124.957²·9.6950) = 299.60 kW/m²;
     * d = 200 m: L = sqrt(200² + 93.718²) = 220.869 m, τ = 2.02·(1594.2·(220.869 − 62.479))^−0.09 = 0.65940,
     * q = 0.65940·299.60·62.479²/220.869² = 15.808 kW/m². Tolerance 0.2 %.
     */
    @Test
    void propaneFireballHandCalculation() {
        FireballResult r = Fireball.assess(new FireballInput(10_000, 46.35e6, 1.5e6, 298.15, 0.5));
        assertThat(r.diameter()).isCloseTo(124.957, withinPercentage(0.01));
        assertThat(r.duration()).isCloseTo(9.6950, withinPercentage(0.01));
        assertThat(r.centreHeight()).isCloseTo(93.718, withinPercentage(0.01));
        assertThat(r.radiativeFraction()).isCloseTo(0.30741, withinPercentage(0.01));
        assertThat(r.surfaceEmissivePower()).isCloseTo(299.60, withinPercentage(0.1));
        assertThat(r.heatFluxAt(200)).isCloseTo(15.808, withinPercentage(0.2));
    }

    @Test
    void durationSwitchesCorrelationAt30Tonnes() {
        // 50 000 kg: t = 2.6·50000^(1/6) = 2.6·6.0696 = 15.781 s
        assertThat(Fireball.duration(50_000)).isCloseTo(15.781, withinPercentage(0.01));
        assertThat(Fireball.duration(29_999)).isCloseTo(0.45 * Math.cbrt(29_999), withinPercentage(1e-9));
    }

    @Test
    void injuryRadiiAreOrderedAndGiveProbitFive() {
        FireballResult r = Fireball.assess(new FireballInput(20_000, 46.35e6, 1.8e6, 293.15, 0.6));
        assertThat(r.deathRadius()).isPositive();
        assertThat(r.deathRadius()).isLessThan(r.secondDegreeBurnRadius());
        assertThat(r.secondDegreeBurnRadius()).isLessThan(r.firstDegreeBurnRadius());
        double qDeath = r.heatFluxAt(r.deathRadius()) * 1000;
        assertThat(ThermalProbit.DEATH_EISENBERG.probit(qDeath, r.duration())).isCloseTo(5, withinPercentage(0.01));
        double q1 = r.heatFluxAt(r.firstDegreeBurnRadius()) * 1000;
        assertThat(ThermalProbit.FIRST_DEGREE_BURN.probit(q1, r.duration())).isCloseTo(5, withinPercentage(0.01));
    }

    @Test
    void moreMassGivesLargerRadii() {
        FireballResult a = Fireball.assess(new FireballInput(5_000, 46.35e6, 1.5e6, 293.15, 0.5));
        FireballResult b = Fireball.assess(new FireballInput(50_000, 46.35e6, 1.5e6, 293.15, 0.5));
        assertThat(b.deathRadius()).isGreaterThan(a.deathRadius());
        assertThat(b.firstDegreeBurnRadius()).isGreaterThan(a.firstDegreeBurnRadius());
    }

    @Test
    void invalidInputs() {
        assertThatThrownBy(() -> new FireballInput(-10, 46e6, 1.5e6, 293, 0.5)).isInstanceOf(ModelInputException.class)
                .hasMessageContaining("fuelMass M [kg]").hasMessageContaining("-10.0");
        assertThatThrownBy(() -> new FireballInput(10, 46e6, 1.5e6, 293, 1.5)).isInstanceOf(ModelInputException.class)
                .hasMessageContaining("relativeHumidity");
    }
}
