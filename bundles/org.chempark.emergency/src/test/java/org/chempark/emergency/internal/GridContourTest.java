package org.chempark.emergency.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.chempark.emergency.model.DispersionTerrain;
import org.chempark.emergency.model.GaussianPlume;
import org.chempark.emergency.model.GridSpec;
import org.chempark.emergency.model.StabilityClass;
import org.chempark.emergency.model.ThresholdContour;
import org.chempark.emergency.model.WindFrame;
import org.junit.jupiter.api.Test;

/** Marching squares on a park grid agrees with exact shapes and with the analytic plume outline (R-F6.5). */
class GridContourTest {

    @Test
    void aConeFieldGivesACircleOfTheRightArea() {
        GridSpec g = new GridSpec(-100, -100, 1, 200, 200);
        double[] v = new double[g.size()];
        for (int j = 0; j < 200; j++) {
            for (int i = 0; i < 200; i++) {
                v[j * 200 + i] = 100 - Math.hypot(g.cellEast(i), g.cellNorth(j)); // ≥ 50 inside r = 50
            }
        }
        GridContour.Lines l = GridContour.trace(g, v, 50);
        assertThat(l.rings()).hasSize(1);
        assertThat(l.open()).isEmpty();
        assertThat(l.ringArea()).isCloseTo(Math.PI * 50 * 50, within(Math.PI * 50 * 50 * 0.005));
        for (double[] p : l.rings().get(0)) {
            assertThat(Math.hypot(p[0], p[1])).isCloseTo(50, within(0.05));
        }
    }

    @Test
    void plumeOnA200By200GridMatchesTheAnalyticOutline() {
        // chlorine-like source, 0.5 kg/s, D stability, 3 m/s, wind from the south-west
        GaussianPlume plume = new GaussianPlume(0.5, 0, 3, StabilityClass.D, DispersionTerrain.URBAN);
        double threshold = 29; // mg/m³ (10 ppm Cl2)
        ThresholdContour exact = plume.thresholdContour(threshold, 0);
        WindFrame frame = new WindFrame(1000, 1000, 225);
        double reach = exact.maxDownwindDistance();
        double cell = reach * 1.3 / 200 * 2;
        GridSpec g = new GridSpec(1000 - 100 * cell, 1000 - 100 * cell, cell, 200, 200);
        double[] v = new double[g.size()];
        plume.evaluateGrid(g, frame, 0, v);
        GridContour.Lines l = GridContour.trace(g, v, threshold);
        assertThat(l.rings()).hasSize(1);
        // the analytic outline and the grid iso-line enclose the same area within 3 %
        assertThat(l.ringArea()).isCloseTo(exact.area(), within(exact.area() * 0.03));
        // and reach the same distance downwind (towards the north-east)
        double far = l.rings().get(0).stream().mapToDouble(p -> ((p[0] - 1000) + (p[1] - 1000)) / Math.sqrt(2)).max().orElseThrow();
        assertThat(far).isCloseTo(reach, within(cell * 1.5));
    }
}
