package org.chempark.emergency.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class ThermalProbitTest {

    /**
     * Hand calculation, Eisenberg: q = 20 kW/m², t = 20 s → dose/1e4 = 20·20000^(4/3)/1e4 = 20·542 884/1e4 = 1085.77;
     * Y = −14.9 + 2.56·ln(1085.77) = −14.9 + 2.56·6.99004 = 2.9945. Tolerance 0.01.
     */
    @Test
    void eisenbergHandCalculation() {
        assertThat(ThermalProbit.DEATH_EISENBERG.probit(20_000, 20)).isCloseTo(2.9945, within(0.01));
    }

    @Test
    void burnProbitsHandCalculation() {
        // dose = 20·20000^(4/3) = 1.08577e7; ln = 16.2004
        // 2nd: −43.14 + 3.0188·16.2004 = 5.7657; 1st: −39.83 + 3.0186·16.2004 = 9.0725
        assertThat(ThermalProbit.SECOND_DEGREE_BURN.probit(20_000, 20)).isCloseTo(5.7657, within(0.01));
        assertThat(ThermalProbit.FIRST_DEGREE_BURN.probit(20_000, 20)).isCloseTo(9.0725, within(0.01));
    }

    @Test
    void inverseAndProbability() {
        for (ThermalProbit p : ThermalProbit.values()) {
            double q = p.heatFluxFor(5, 30);
            assertThat(p.probit(q, 30)).isCloseTo(5, within(1e-9));
            assertThat(p.probability(q, 30)).isCloseTo(0.5, within(1e-7));
        }
        assertThat(ThermalProbit.normalCdf(1)).isCloseTo(0.841345, withinPercentage(0.001));
        assertThat(ThermalProbit.normalCdf(-2)).isCloseTo(0.0227501, withinPercentage(0.01));
        // first-degree burns need less flux than second-degree, which need less than death
        assertThat(ThermalProbit.FIRST_DEGREE_BURN.heatFluxFor(5, 10))
                .isLessThan(ThermalProbit.SECOND_DEGREE_BURN.heatFluxFor(5, 10));
        assertThat(ThermalProbit.SECOND_DEGREE_BURN.heatFluxFor(5, 10))
                .isLessThan(ThermalProbit.DEATH_EISENBERG.heatFluxFor(5, 10));
    }
}
