package org.chempark.emergency.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Briggs / Slade coefficient formulas, hand-evaluated (tolerance 0.05 m). */
class DispersionCoefficientsTest {

    @Test
    void briggsRuralClassDAt500m() {
        // σy = 0.08·500·(1+0.05)^-1/2 = 40/1.02470 = 39.036 m; σz = 0.06·500·(1+0.75)^-1/2 = 30/1.32288 = 22.678 m
        assertThat(DispersionCoefficients.plumeSigmaY(StabilityClass.D, DispersionTerrain.RURAL, 500)).isCloseTo(39.036, within(0.05));
        assertThat(DispersionCoefficients.plumeSigmaZ(StabilityClass.D, DispersionTerrain.RURAL, 500)).isCloseTo(22.678, within(0.05));
    }

    @Test
    void briggsUrbanAndStableRural() {
        // urban D at 1000 m: σy = 0.16·1000/sqrt(1.4) = 135.22; σz = 0.14·1000/sqrt(1.3) = 122.79
        assertThat(DispersionCoefficients.plumeSigmaY(StabilityClass.D, DispersionTerrain.URBAN, 1000)).isCloseTo(135.22, within(0.05));
        assertThat(DispersionCoefficients.plumeSigmaZ(StabilityClass.D, DispersionTerrain.URBAN, 1000)).isCloseTo(122.79, within(0.05));
        // urban A at 1000 m: σz = 0.24·1000·sqrt(2) = 339.41
        assertThat(DispersionCoefficients.plumeSigmaZ(StabilityClass.A, DispersionTerrain.URBAN, 1000)).isCloseTo(339.41, within(0.05));
        // rural F at 1000 m: σz = 0.016·1000/1.3 = 12.308
        assertThat(DispersionCoefficients.plumeSigmaZ(StabilityClass.F, DispersionTerrain.RURAL, 1000)).isCloseTo(12.308, within(0.005));
    }

    @Test
    void sladePuffCoefficients() {
        // D at 1000 m: σy = 0.06·1000^0.92 = 0.06·575.44 = 34.53; σz = 0.15·1000^0.70 = 0.15·125.89 = 18.88
        assertThat(DispersionCoefficients.puffSigmaY(StabilityClass.D, 1000)).isCloseTo(34.53, within(0.05));
        assertThat(DispersionCoefficients.puffSigmaZ(StabilityClass.D, 1000)).isCloseTo(18.88, within(0.05));
    }

    @Test
    void urbanSpreadsMoreThanRuralAndUnstableMoreThanStable() {
        for (StabilityClass s : StabilityClass.values()) {
            assertThat(DispersionCoefficients.plumeSigmaY(s, DispersionTerrain.URBAN, 800))
                    .isGreaterThan(DispersionCoefficients.plumeSigmaY(s, DispersionTerrain.RURAL, 800));
        }
        for (int i = 1; i < StabilityClass.values().length; i++) {
            StabilityClass a = StabilityClass.values()[i - 1];
            StabilityClass b = StabilityClass.values()[i];
            assertThat(DispersionCoefficients.plumeSigmaZ(a, DispersionTerrain.RURAL, 2000))
                    .isGreaterThan(DispersionCoefficients.plumeSigmaZ(b, DispersionTerrain.RURAL, 2000));
        }
    }

    @Test
    void distanceOutsideValidityIsRejected() {
        assertThatThrownBy(() -> DispersionCoefficients.plumeSigmaY(StabilityClass.D, DispersionTerrain.RURAL, 20_000))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("downwindDistance x [m]")
                .hasMessageContaining("20000.0").hasMessageContaining("[1.0, 10000.0]");
        assertThatThrownBy(() -> DispersionCoefficients.puffSigmaZ(StabilityClass.D, 0.5))
                .isInstanceOf(ModelInputException.class);
    }
}
