package org.chempark.emergency.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class GaussianPuffTest {

    /**
     * Hand calculation (no published example used): ground release of 100 kg, class D, Slade coefficients,
     * u = 2 m/s, puff centre at x = 1000 m (t = 500 s): σx = σy = 34.527 m, σz = 18.883 m;
     * C = 2·M/((2π)^1.5·σx·σy·σz) = 200/(15.7496·34.527²·18.883) = 200/354 523 = 5.6414e-4 kg/m³ = 564.14 mg/m³.
     */
    @Test
    void groundReleasePeakHandCalculation() {
        GaussianPuff p = new GaussianPuff(100, 0, 2, StabilityClass.D, PuffSigmaScheme.SLADE);
        double sy = 0.06 * Math.pow(1000, 0.92);
        double sz = 0.15 * Math.pow(1000, 0.70);
        double expected = 2 * 100 * 1e6 / (Math.pow(2 * Math.PI, 1.5) * sy * sy * sz);
        assertThat(expected).isCloseTo(564.1, withinPercentage(0.1));
        assertThat(p.peakConcentration(1000, 0, 0)).isCloseTo(expected, withinPercentage(1e-9));
        assertThat(p.concentration(1000, 0, 0, 500)).isCloseTo(expected, withinPercentage(1e-9));
        assertThat(p.arrivalTime(1000)).isEqualTo(500);
    }

    /** Mass balance: ∫∫∫ C dx dy dz over the half-space z ≥ 0 equals M (with ground reflection). Tolerance 0.2 %. */
    @Test
    void volumeIntegralEqualsReleasedMass() {
        GaussianPuff p = new GaussianPuff(10, 15, 3, StabilityClass.C, PuffSigmaScheme.SLADE);
        double t = 200; // centre at 600 m
        double sx = DispersionCoefficients.puffSigmaY(StabilityClass.C, 600);
        double sz = DispersionCoefficients.puffSigmaZ(StabilityClass.C, 600);
        int n = 120;
        double ext = 8 * sx;
        double zMax = 15 + 8 * sz;
        double h = 2 * ext / n;
        double hz = zMax / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double wi = w(i, n);
            for (int j = 0; j <= n; j++) {
                double wj = w(j, n);
                for (int k = 0; k <= n; k++) {
                    sum += wi * wj * w(k, n) * p.concentration(600 - ext + i * h, -ext + j * h, k * hz, t);
                }
            }
        }
        double mass = sum * h * h * hz / 27 / 1e6;
        assertThat(mass).isCloseTo(10, withinPercentage(0.2));
    }

    private static double w(int i, int n) {
        return (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
    }

    @Test
    void moreMassGivesLargerHazardDistanceAndContourIsConsistent() {
        GaussianPuff small = new GaussianPuff(10, 0, 2, StabilityClass.F, PuffSigmaScheme.SLADE);
        GaussianPuff large = new GaussianPuff(1000, 0, 2, StabilityClass.F, PuffSigmaScheme.SLADE);
        double thr = 100;
        double ds = small.maxThresholdDistance(thr, 0);
        assertThat(large.maxThresholdDistance(thr, 0)).isGreaterThan(ds);
        assertThat(small.peakConcentration(ds, 0, 0)).isCloseTo(thr, withinPercentage(0.01));
        ThresholdContour c = small.thresholdContour(thr, 0);
        for (LocalPoint v : c.polygon()) {
            if (v.y() != 0 && v.x() >= 1) {
                assertThat(small.peakConcentration(v.x(), v.y(), 0)).isCloseTo(thr, withinPercentage(0.01));
            }
        }
    }

    @Test
    void briggsSchemesAreSelectable() {
        GaussianPuff r = new GaussianPuff(10, 0, 2, StabilityClass.D, PuffSigmaScheme.BRIGGS_RURAL);
        GaussianPuff u = new GaussianPuff(10, 0, 2, StabilityClass.D, PuffSigmaScheme.BRIGGS_URBAN);
        assertThat(u.peakConcentration(500, 0, 0)).isLessThan(r.peakConcentration(500, 0, 0));
    }

    @Test
    void invalidInputs() {
        assertThatThrownBy(() -> new GaussianPuff(-5, 0, 2, StabilityClass.D, PuffSigmaScheme.SLADE))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("releasedMass [kg]").hasMessageContaining("-5.0");
        assertThatThrownBy(() -> new GaussianPuff(5, 0, 0.2, StabilityClass.D, PuffSigmaScheme.SLADE))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("windSpeed");
        GaussianPuff p = new GaussianPuff(5, 0, 2, StabilityClass.D, PuffSigmaScheme.SLADE);
        assertThatThrownBy(() -> p.concentration(0, 0, 0, 0)).isInstanceOf(ModelInputException.class)
                .hasMessageContaining("travelDistance");
    }
}
