package org.chempark.emergency.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class VapourCloudExplosionTest {

    /**
     * Hand calculation with the Chinese safety-assessment TNT-equivalence formulas (no textbook example
     * reproduced): 1000 kg propane in the cloud, Q_f = 46.35 MJ/kg, α = 0.04, β = 1.8, Q_TNT = 4.52 MJ/kg.
     * W_TNT = 1.8·0.04·1000·46.35/4.52 = 738.32 kg; E = 738.32·4.52e6 = 3.3372e9 J;
     * R_0.5 = 13.6·(0.73832)^0.37 = 12.156 m;
     * (E/P0)^(1/3) = (3.3372e9/101 325)^(1/3) = 32.054 m;
     * 44 kPa: ΔP/P0 = 0.43425 → Z = 1.08928 → R = 34.916 m; 17 kPa: ΔP/P0 = 0.16778 → Z = 1.95722 → R = 62.738 m;
     * R_II = 5.6·738.32^(1/3)/[1+(3175/738.32)²]^(1/6) = 5.6·9.0378/1.6405 = 30.853 m. Tolerance 0.1 %.
     */
    @Test
    void propaneCloudHandCalculation() {
        ExplosionResult r = VapourCloudExplosion.assess(1000, 46.35e6, TntParameters.DEFAULTS);
        assertThat(r.tntMass()).isCloseTo(738.32, withinPercentage(0.01));
        assertThat(r.explosionEnergy()).isCloseTo(3.3372e9, withinPercentage(0.01));
        assertThat(r.deathRadius()).isCloseTo(12.156, withinPercentage(0.1));
        assertThat(r.seriousInjuryRadius()).isCloseTo(34.916, withinPercentage(0.1));
        assertThat(r.lightInjuryRadius()).isCloseTo(62.738, withinPercentage(0.1));
        assertThat(r.propertyDamageRadius()).isCloseTo(30.853, withinPercentage(0.1));
        // same via the chemical table
        ExplosionResult viaTable = VapourCloudExplosion.assess(ChemicalProperties.defaults().get("74-98-6"), 1000,
                TntParameters.DEFAULTS);
        assertThat(viaTable.tntMass()).isCloseTo(r.tntMass(), withinPercentage(1e-9));
    }

    @Test
    void overpressureAtSolvedRadiiReproducesCriteria() {
        ExplosionResult r = VapourCloudExplosion.assess(5000, 45.72e6, TntParameters.DEFAULTS);
        assertThat(r.overpressureAt(r.seriousInjuryRadius())).isCloseTo(44_000, within(1.0));
        assertThat(r.overpressureAt(r.lightInjuryRadius())).isCloseTo(17_000, within(1.0));
    }

    @Test
    void correlationEndPoints() {
        // Z = 1: 0.137 + 0.119 + 0.269 − 0.019 = 0.506; Z = 10: 0.000137 + 0.00119 + 0.0269 − 0.019 = 0.009227
        assertThat(VapourCloudExplosion.overpressureRatio(1)).isCloseTo(0.506, within(1e-12));
        assertThat(VapourCloudExplosion.overpressureRatio(10)).isCloseTo(0.009227, within(1e-9));
    }

    @Test
    void moreMassGivesLargerRadiiAndGroundReflectionFactorScalesTnt() {
        ExplosionResult small = VapourCloudExplosion.assess(500, 46.35e6, TntParameters.DEFAULTS);
        ExplosionResult large = VapourCloudExplosion.assess(5000, 46.35e6, TntParameters.DEFAULTS);
        assertThat(large.deathRadius()).isGreaterThan(small.deathRadius());
        assertThat(large.seriousInjuryRadius()).isGreaterThan(small.seriousInjuryRadius());
        assertThat(large.lightInjuryRadius()).isGreaterThan(small.lightInjuryRadius());
        assertThat(large.propertyDamageRadius()).isGreaterThan(small.propertyDamageRadius());
        double free = VapourCloudExplosion.tntMass(1000, 46.35e6, TntParameters.DEFAULTS.withoutGroundReflection());
        assertThat(small.tntMass() * 2 / free).isCloseTo(1.8, within(1e-12));
        // injury radii scale with W^(1/3) (Hopkinson–Cranz)
        assertThat(large.seriousInjuryRadius() / small.seriousInjuryRadius()).isCloseTo(Math.cbrt(10), withinPercentage(1e-6));
        // radii ordered: serious < light
        assertThat(small.seriousInjuryRadius()).isLessThan(small.lightInjuryRadius());
    }

    @Test
    void outsideValidityAndBadInputs() {
        ExplosionResult r = VapourCloudExplosion.assess(1000, 46.35e6, TntParameters.DEFAULTS);
        assertThatThrownBy(() -> r.overpressureAt(5)).isInstanceOf(ModelInputException.class)
                .hasMessageContaining("distance R [m]").hasMessageContaining("5.0");
        assertThatThrownBy(() -> VapourCloudExplosion.overpressureRatio(0.5)).isInstanceOf(ModelInputException.class)
                .hasMessageContaining("scaledDistance Z").hasMessageContaining("[1.0, 10.0]");
        assertThatThrownBy(() -> VapourCloudExplosion.radiusForOverpressure(100, 80_000, TntParameters.DEFAULTS))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("overpressure [Pa]");
        assertThatThrownBy(() -> VapourCloudExplosion.assess(-1, 46e6, TntParameters.DEFAULTS))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("fuelMass W [kg]");
        assertThatThrownBy(() -> VapourCloudExplosion.assess(ChemicalProperties.defaults().get("7782-50-5"), 100,
                TntParameters.DEFAULTS)).isInstanceOf(ModelInputException.class).hasMessageContaining("7782-50-5");
        assertThatThrownBy(() -> TntParameters.DEFAULTS.withYieldFactor(0)).isInstanceOf(ModelInputException.class);
    }
}
