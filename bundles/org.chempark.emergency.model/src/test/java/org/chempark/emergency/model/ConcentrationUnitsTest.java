package org.chempark.emergency.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class ConcentrationUnitsTest {

    /**
     * NIOSH Pocket Guide conversion factors (25 °C, 1 atm), quoted from memory of the guide:
     * benzene 1 ppm = 3.19 mg/m³, chlorine 1 ppm = 2.90 mg/m³, ammonia 1 ppm = 0.70 mg/m³.
     * Independent check: M/24.465 → 78.114/24.465 = 3.193, 70.906/24.465 = 2.898, 17.031/24.465 = 0.696. Tolerance 0.5 %.
     */
    @Test
    void nioshConversionFactorsAt25C() {
        double t = ConcentrationUnits.REFERENCE_TEMPERATURE;
        double p = ConcentrationUnits.STANDARD_PRESSURE;
        assertThat(ConcentrationUnits.ppmToMgPerM3(1, 78.114, t, p)).isCloseTo(3.19, withinPercentage(0.5));
        assertThat(ConcentrationUnits.ppmToMgPerM3(1, 70.906, t, p)).isCloseTo(2.90, withinPercentage(0.5));
        assertThat(ConcentrationUnits.ppmToMgPerM3(1, 17.031, t, p)).isCloseTo(0.70, withinPercentage(0.6));
        assertThat(ConcentrationUnits.molarVolume(t, p) * 1000).isCloseTo(24.465, withinPercentage(0.01));
    }

    @Test
    void roundTripAndTemperatureDependence() {
        double ppm = ConcentrationUnits.mgPerM3ToPpm(100, 34.081, 273.15, 101_325);
        assertThat(ConcentrationUnits.ppmToMgPerM3(ppm, 34.081, 273.15, 101_325)).isCloseTo(100, withinPercentage(1e-9));
        // at 0 °C Vm = 22.414 L/mol: 100 mg/m³ H2S = 100·22.414/34.081 = 65.77 ppm
        assertThat(ppm).isCloseTo(65.77, withinPercentage(0.05));
        assertThat(ConcentrationUnits.mgPerM3ToPpm(100, 34.081, 308.15, 101_325)).isGreaterThan(ppm);
    }

    @Test
    void invalid() {
        assertThatThrownBy(() -> ConcentrationUnits.mgPerM3ToPpm(-1, 30, 298, 101_325))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("concentration [mg/m3]");
        assertThatThrownBy(() -> ConcentrationUnits.ppmToMgPerM3(1, 30, 298, 10))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("pressure [Pa]");
    }
}
