package org.chempark.emergency.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Pasquill–Turner table (Turner 1970 Table 1 / CCPS 1999 Table 2.10), with the documented resolution of A–B etc. */
class StabilityClassTest {

    @Test
    void daytimeCellsOfTheTurnerTable() {
        assertThat(StabilityClass.daytime(1.5, Insolation.STRONG)).isEqualTo(StabilityClass.A);
        assertThat(StabilityClass.daytime(2.5, Insolation.STRONG)).isEqualTo(StabilityClass.B); // A–B → B
        assertThat(StabilityClass.daytime(4, Insolation.MODERATE)).isEqualTo(StabilityClass.C); // B–C → C
        assertThat(StabilityClass.daytime(5.5, Insolation.MODERATE)).isEqualTo(StabilityClass.D); // C–D → D
        assertThat(StabilityClass.daytime(2.5, Insolation.SLIGHT)).isEqualTo(StabilityClass.C);
        assertThat(StabilityClass.daytime(7, Insolation.STRONG)).isEqualTo(StabilityClass.C);
        assertThat(StabilityClass.daytime(1, Insolation.OVERCAST)).isEqualTo(StabilityClass.D);
    }

    @Test
    void nighttimeCellsOfTheTurnerTable() {
        assertThat(StabilityClass.nighttime(2.5, 5)).isEqualTo(StabilityClass.E);
        assertThat(StabilityClass.nighttime(2.5, 2)).isEqualTo(StabilityClass.F);
        assertThat(StabilityClass.nighttime(4, 2)).isEqualTo(StabilityClass.E);
        assertThat(StabilityClass.nighttime(4, 6)).isEqualTo(StabilityClass.D);
        assertThat(StabilityClass.nighttime(1, 0)).isEqualTo(StabilityClass.F);
        assertThat(StabilityClass.nighttime(8, 0)).isEqualTo(StabilityClass.D);
        assertThat(StabilityClass.nighttime(2.5, 8)).isEqualTo(StabilityClass.D);
    }

    @Test
    void classifyFromRawWeather() {
        assertThat(StabilityClass.classify(1.0, true, 950, 0)).isEqualTo(StabilityClass.A);
        assertThat(StabilityClass.classify(3.5, true, 700, 2)).isEqualTo(StabilityClass.C);
        assertThat(StabilityClass.classify(3.5, true, 700, 8)).isEqualTo(StabilityClass.D);
        assertThat(StabilityClass.classify(1.0, false, 0, 1)).isEqualTo(StabilityClass.F);
        assertThat(Insolation.fromSolarRadiation(100)).isEqualTo(Insolation.OVERCAST);
        assertThat(Insolation.fromSolarRadiation(500)).isEqualTo(Insolation.SLIGHT);
    }

    @Test
    void invalidInputsNameParameterValueAndRange() {
        assertThatThrownBy(() -> StabilityClass.daytime(-1, Insolation.STRONG))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("windSpeed10m")
                .hasMessageContaining("-1.0").hasMessageContaining("[0.0, 60.0]");
        assertThatThrownBy(() -> StabilityClass.nighttime(3, 9)).isInstanceOf(ModelInputException.class)
                .hasMessageContaining("cloudCoverOktas");
        assertThatThrownBy(() -> StabilityClass.daytime(Double.NaN, Insolation.SLIGHT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }
}
