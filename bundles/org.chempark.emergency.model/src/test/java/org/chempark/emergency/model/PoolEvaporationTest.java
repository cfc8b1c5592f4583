package org.chempark.emergency.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class PoolEvaporationTest {

    /**
     * Hand calculation (no published example reproduced): toluene pool, D = 10 m, u = 3 m/s, 25 °C, Sc = 0.8.
     * Psat (Antoine, Lange) = 10^(6.95464 − 1344.8/(219.482+25)) mmHg = 28.446 mmHg = 3792.6 Pa
     * (NIST WebBook gives ≈ 3.8 kPa at 25 °C). k = 0.0048·3^(7/9)·10^(−1/9)·0.8^(−2/3) = 0.010135 m/s;
     * A = 78.540 m²; Qm = k·A·M·Psat/(R·T) = 0.010135·78.540·0.092141·3792.6/(8.31446·298.15) = 0.11221 kg/s.
     * Tolerance 0.2 %.
     */
    @Test
    void toluenePoolHandCalculation() {
        Chemical toluene = ChemicalProperties.defaults().get("108-88-3");
        EvaporationResult r = PoolEvaporation.evaporate(toluene, 10, 3, 298.15);
        assertThat(r.vapourPressure()).isCloseTo(3792.6, withinPercentage(0.1));
        assertThat(r.massTransferCoefficient()).isCloseTo(0.010135, withinPercentage(0.1));
        assertThat(r.massRate()).isCloseTo(0.11221, withinPercentage(0.2));
        assertThat(r.massFlux() * r.poolArea()).isCloseTo(r.massRate(), withinPercentage(1e-9));
    }

    @Test
    void siConstantMatchesTheOriginalMetrePerHourForm() {
        // Mackay & Matsugu: k[m/h] = 0.0292·u[m/h]^0.78·D^−0.11·Sc^−0.67 → in SI: 0.0292·3600^0.78/3600 = 0.00482
        double u = 4;
        double original = 0.0292 * Math.pow(u * 3600, 0.78) * Math.pow(5, -0.11) * Math.pow(0.8, -0.67) / 3600;
        assertThat(PoolEvaporation.massTransferCoefficient(u, 5, 0.8)).isCloseTo(original, withinPercentage(2));
    }

    @Test
    void monotonicInWindDiameterAndTemperature() {
        Chemical benzene = ChemicalProperties.defaults().get("71-43-2");
        double base = PoolEvaporation.evaporate(benzene, 5, 2, 293.15).massRate();
        assertThat(PoolEvaporation.evaporate(benzene, 5, 5, 293.15).massRate()).isGreaterThan(base);
        assertThat(PoolEvaporation.evaporate(benzene, 8, 2, 293.15).massRate()).isGreaterThan(base);
        assertThat(PoolEvaporation.evaporate(benzene, 5, 2, 303.15).massRate()).isGreaterThan(base);
        // flux decreases slightly with diameter (D^−1/9)
        assertThat(PoolEvaporation.evaporate(benzene, 8, 2, 293.15).massFlux())
                .isLessThan(PoolEvaporation.evaporate(benzene, 5, 2, 293.15).massFlux());
    }

    @Test
    void boilingPoolAndBadInputsAreRejected() {
        assertThatThrownBy(() -> PoolEvaporation.evaporate(10, 3, 120_000, 44, 300, 0.8, 101_325))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("vapourPressure [Pa]")
                .hasMessageContaining("boiling");
        assertThatThrownBy(() -> PoolEvaporation.evaporate(10, 0.1, 1000, 44, 300, 0.8, 101_325))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("windSpeed");
        Chemical phosgene = ChemicalProperties.defaults().get("75-44-5");
        assertThatThrownBy(() -> PoolEvaporation.evaporate(phosgene, 5, 2, 270)).isInstanceOf(ModelInputException.class)
                .hasMessageContaining("antoine");
    }
}
