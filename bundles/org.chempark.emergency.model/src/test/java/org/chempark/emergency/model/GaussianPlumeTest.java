package org.chempark.emergency.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;

class GaussianPlumeTest {

    /**
     * Problem set-up recalled from Crowl &amp; Louvar, "Chemical Process Safety" (dispersion chapter, elevated
     * SO2 stack example): effective stack height 60 m, 80 g/s SO2, 6 m/s wind, overcast day (class D),
     * rural, receptor on the ground 500 m downwind. We cannot check the printed answer here, so the expected
     * value is our hand calculation: σy = 39.036 m, σz = 22.678 m (see DispersionCoefficientsTest);
     * C = Q/(π·σy·σz·u)·exp(−½(H/σz)²) = 0.080/(π·39.036·22.678·6)·exp(−½·(60/22.678)²)
     *   = 4.7947e-6 kg/m³ · exp(−3.4999) = 4.7947e-6 · 0.030195 = 1.4477e-7 kg/m³ = 0.14477 mg/m³.
     * Tolerance 0.2 %.
     */
    @Test
    void crowlLouvarStackSetupHandCalculation() {
        GaussianPlume p = new GaussianPlume(0.080, 60, 6, StabilityClass.D, DispersionTerrain.RURAL);
        assertThat(p.groundCentrelineConcentration(500)).isCloseTo(0.14477, withinPercentage(0.2));
        // 50 m crosswind: × exp(−½(50/39.036)²) = × 0.44029 → 0.063743 mg/m³
        assertThat(p.concentration(500, 50, 0)).isCloseTo(0.063743, withinPercentage(0.2));
    }

    @Test
    void groundSourceReducesToQOverPiUSigmaYSigmaZ() {
        GaussianPlume p = new GaussianPlume(1.0, 0, 3, StabilityClass.D, DispersionTerrain.RURAL);
        double sy = DispersionCoefficients.plumeSigmaY(StabilityClass.D, DispersionTerrain.RURAL, 300);
        double sz = DispersionCoefficients.plumeSigmaZ(StabilityClass.D, DispersionTerrain.RURAL, 300);
        assertThat(p.groundCentrelineConcentration(300)).isCloseTo(1e6 / (Math.PI * 3 * sy * sz), withinPercentage(1e-9));
    }

    @Test
    void concentrationIsInverselyProportionalToWindSpeed() {
        GaussianPlume a = new GaussianPlume(2, 10, 2, StabilityClass.D, DispersionTerrain.URBAN);
        GaussianPlume b = new GaussianPlume(2, 10, 8, StabilityClass.D, DispersionTerrain.URBAN);
        assertThat(a.concentration(700, 30, 1.5) / b.concentration(700, 30, 1.5)).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void concentrationIsProportionalToEmissionRate() {
        GaussianPlume a = new GaussianPlume(1, 5, 3, StabilityClass.C, DispersionTerrain.RURAL);
        GaussianPlume b = new GaussianPlume(3, 5, 3, StabilityClass.C, DispersionTerrain.RURAL);
        assertThat(b.concentration(400, 20, 0) / a.concentration(400, 20, 0)).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void moreStableAtmosphereGivesHigherGroundConcentrationFarDownwind() {
        double previous = 0;
        for (StabilityClass s : StabilityClass.values()) {
            double c = new GaussianPlume(1, 0, 3, s, DispersionTerrain.RURAL).groundCentrelineConcentration(3000);
            assertThat(c).as("class %s", s).isGreaterThan(previous);
            previous = c;
        }
    }

    @Test
    void vanishesFarCrosswindAndUpwind() {
        GaussianPlume p = new GaussianPlume(1, 0, 3, StabilityClass.D, DispersionTerrain.RURAL);
        assertThat(p.concentration(500, 2000, 0)).isLessThan(1e-100);
        assertThat(p.concentration(-100, 0, 0)).isZero();
        assertThat(p.concentration(0, 0, 0)).isZero();
    }

    /** Mass balance: ∫∫ C dy dz over y∈(−∞,∞), z∈[0,∞) = Q/u (with reflection). Simpson, tolerance 0.1 %. */
    @Test
    void crosswindIntegralEqualsQOverU() {
        for (DispersionTerrain t : DispersionTerrain.values()) {
            GaussianPlume p = new GaussianPlume(0.5, 20, 4, StabilityClass.B, t);
            double x = 800;
            double sy = DispersionCoefficients.plumeSigmaY(StabilityClass.B, t, x);
            double sz = DispersionCoefficients.plumeSigmaZ(StabilityClass.B, t, x);
            double yMax = 10 * sy;
            double zMax = 20 + 10 * sz;
            int n = 400;
            double hy = 2 * yMax / n;
            double hz = zMax / n;
            double sum = 0;
            for (int i = 0; i <= n; i++) {
                double wy = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
                double y = -yMax + i * hy;
                for (int j = 0; j <= n; j++) {
                    double wz = (j == 0 || j == n) ? 1 : (j % 2 == 1 ? 4 : 2);
                    sum += wy * wz * p.concentration(x, y, j * hz);
                }
            }
            double integral = sum * hy * hz / 9 / 1e6; // kg/m
            assertThat(integral).as("terrain %s", t).isCloseTo(0.5 / 4, withinPercentage(0.1));
        }
    }

    @Test
    void elevatedSourceGroundMaximumLiesNearSigmaZEqualsHOverSqrt2() {
        // Classic result (Crowl & Louvar; Turner): for σy/σz ≈ const the ground maximum occurs where σz = H/√2.
        // Class B rural: σz = 0.12x → x* = 50/√2/0.12 = 294.6 m; σy/σz varies slowly so allow 10 %.
        GaussianPlume p = new GaussianPlume(1, 50, 5, StabilityClass.B, DispersionTerrain.RURAL);
        double bestX = 0;
        double best = 0;
        for (double x = 50; x < 2000; x += 1) {
            double c = p.groundCentrelineConcentration(x);
            if (c > best) {
                best = c;
                bestX = x;
            }
        }
        assertThat(bestX).isCloseTo(294.6, withinPercentage(10));
    }

    @Test
    void thresholdContourIsConsistentWithPointConcentrations() {
        GaussianPlume p = new GaussianPlume(1.0, 0, 3, StabilityClass.D, DispersionTerrain.RURAL);
        double thr = 50; // mg/m³
        ThresholdContour c = p.thresholdContour(thr, 0);
        assertThat(c.truncatedAtModelRange()).isFalse();
        assertThat(c.minDownwindDistance()).isZero();
        assertThat(p.groundCentrelineConcentration(c.maxDownwindDistance())).isCloseTo(thr, withinPercentage(0.01));
        assertThat(p.maxThresholdDistance(thr, 0)).isEqualTo(c.maxDownwindDistance());
        // every vertex with y ≠ 0 lies on the threshold isopleth
        for (LocalPoint v : c.polygon()) {
            if (v.y() != 0 && v.x() >= 1) {
                assertThat(p.concentration(v.x(), v.y(), 0)).isCloseTo(thr, withinPercentage(0.01));
            }
        }
        assertThat(c.maxHalfWidth()).isPositive();
        assertThat(c.area()).isPositive();
        // higher threshold → smaller contour
        assertThat(p.maxThresholdDistance(500, 0)).isLessThan(c.maxDownwindDistance());
        // more emission → larger contour
        GaussianPlume big = new GaussianPlume(5.0, 0, 3, StabilityClass.D, DispersionTerrain.RURAL);
        assertThat(big.maxThresholdDistance(thr, 0)).isGreaterThan(c.maxDownwindDistance());
    }

    @Test
    void contourOfElevatedSourceStartsDownwindAndFlagsTruncation() {
        GaussianPlume p = new GaussianPlume(0.080, 60, 6, StabilityClass.D, DispersionTerrain.RURAL);
        ThresholdContour c = p.thresholdContour(0.1, 0);
        assertThat(c.minDownwindDistance()).isGreaterThan(100);
        assertThat(p.groundCentrelineConcentration(c.minDownwindDistance())).isCloseTo(0.1, withinPercentage(0.01));
        assertThat(p.thresholdContour(1000, 0).isEmpty()).isTrue();
        GaussianPlume huge = new GaussianPlume(100, 0, 1, StabilityClass.F, DispersionTerrain.RURAL);
        assertThat(huge.thresholdContour(1, 0).truncatedAtModelRange()).isTrue();
    }

    @Test
    void gridMatchesPointEvaluationAndIsFast() {
        GaussianPlume p = new GaussianPlume(1.0, 5, 3, StabilityClass.D, DispersionTerrain.URBAN);
        GridSpec grid = new GridSpec(-2000, -2000, 20, 200, 200);
        WindFrame frame = new WindFrame(100, 50, 225); // wind from SW → plume goes NE
        double[] out = new double[grid.size()];
        p.evaluateGrid(grid, frame, 1.5, out);
        for (int k = 0; k < 50; k++) {
            int i = 7 + k * 3;
            int j = 11 + k * 3;
            LocalPoint lp = frame.toLocal(grid.cellEast(i), grid.cellNorth(j));
            double expected = lp.x() < 1 ? (lp.x() <= 0 ? 0 : Double.NaN) : p.concentration(lp.x(), lp.y(), 1.5);
            if (!Double.isNaN(expected)) {
                assertThat(out[j * 200 + i]).isCloseTo(expected, withinPercentage(1e-9));
            }
        }
        // north-east cell is downwind and positive, south-west is upwind (0)
        assertThat(out[150 * 200 + 150]).isPositive();
        assertThat(out[10 * 200 + 10]).isZero();
        long best = Long.MAX_VALUE;
        for (int r = 0; r < 10; r++) {
            long t0 = System.nanoTime();
            p.evaluateGrid(grid, frame, 1.5, out);
            best = Math.min(best, System.nanoTime() - t0);
        }
        assertThat(best / 1e6).as("ms for 200×200").isLessThan(50);
    }

    @Test
    void invalidInputsAreRejectedWithParameterValueAndRange() {
        assertThatThrownBy(() -> new GaussianPlume(1, 0, 0, StabilityClass.D, DispersionTerrain.RURAL))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("windSpeed [m/s]")
                .hasMessageContaining("[0.5, 50.0]");
        assertThatThrownBy(() -> new GaussianPlume(1, 0, 0.4, StabilityClass.D, DispersionTerrain.RURAL))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("0.4");
        assertThatThrownBy(() -> new GaussianPlume(-1, 0, 3, StabilityClass.D, DispersionTerrain.RURAL))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("emissionRate");
        assertThatThrownBy(() -> new GaussianPlume(Double.NaN, 0, 3, StabilityClass.D, DispersionTerrain.RURAL))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("NaN");
        GaussianPlume p = new GaussianPlume(1, 0, 3, StabilityClass.D, DispersionTerrain.RURAL);
        assertThatThrownBy(() -> p.concentration(15_000, 0, 0)).isInstanceOf(ModelInputException.class)
                .hasMessageContaining("15000.0").hasMessageContaining("10000.0");
        assertThatThrownBy(() -> p.concentration(100, Double.NaN, 0)).isInstanceOf(ModelInputException.class);
        assertThatThrownBy(() -> p.thresholdContour(-1, 0)).isInstanceOf(ModelInputException.class);
        assertThatThrownBy(() -> p.evaluateGrid(new GridSpec(0, 0, 1, 10, 10), new WindFrame(0, 0, 0), 0, new double[5]))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("out.length");
    }

    @Test
    void contourPolygonCanBePlacedOnTheParkMap() {
        GaussianPlume p = new GaussianPlume(1.0, 0, 3, StabilityClass.D, DispersionTerrain.RURAL);
        ThresholdContour c = p.thresholdContour(50, 0);
        List<ParkPoint> park = c.toPark(new WindFrame(1000, 2000, 270)); // wind from west → plume east
        double maxEast = park.stream().mapToDouble(ParkPoint::east).max().orElseThrow();
        assertThat(maxEast).isCloseTo(1000 + c.maxDownwindDistance(), within(1e-6));
        assertThat(park).allSatisfy(pt -> assertThat(pt.east()).isGreaterThanOrEqualTo(1000 - 1e-9));
    }
}
