package org.chempark.hazard.grading.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.chempark.hazard.grading.InvalidHazardInputException;
import org.chempark.hazard.grading.detector.DetectorFinding.Severity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GasDetectorCheckerTest {
    private final GasDetectorChecker checker = new GasDetectorChecker();

    private static DetectorFinding only(DetectorCheckResult r, String rule) {
        return r.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Nested
    class Combustible {
        @Test
        void limitsExactlyAtBoundaryAreCompliant() {
            DetectorCheckResult r = checker.check(GasDetectorConfig.combustible("GT-101", "甲烷", 100, 25, 50));
            assertThat(r.findings()).isEmpty();
            assertThat(r.compliant()).isTrue();
        }

        @Test
        void typicalSetting20And40() {
            assertThat(checker.check(GasDetectorConfig.combustible("GT-102", "甲醇", 100, 20, 40)).findings()).isEmpty();
        }

        @Test
        void firstLevelAbove25() {
            DetectorCheckResult r = checker.check(GasDetectorConfig.combustible("GT-103", "甲烷", 100, 25.1, 50));
            assertThat(r.compliant()).isFalse();
            DetectorFinding f = only(r, "COMBUSTIBLE_FIRST_LEVEL");
            assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
            assertThat(f.clause()).isEqualTo("GB/T 50493-2019 5.5.3 item 1");
            assertThat(f.message()).contains("25.1 %LEL", "25 %LEL");
            assertThat(r.findings()).hasSize(1);
        }

        @Test
        void secondLevelAbove50() {
            DetectorCheckResult r = checker.check(GasDetectorConfig.combustible("GT-104", "甲烷", 100, 25, 50.01));
            assertThat(only(r, "COMBUSTIBLE_SECOND_LEVEL").clause()).isEqualTo("GB/T 50493-2019 5.5.3 item 2");
            assertThat(r.findings()).hasSize(1);
        }

        @Test
        void rangeMustBe0To100Lel() {
            DetectorCheckResult r = checker.check(GasDetectorConfig.combustible("GT-105", "甲烷", 50, 20, 40));
            assertThat(only(r, "COMBUSTIBLE_RANGE").clause()).isEqualTo("GB/T 50493-2019 5.5.1");
        }

        @Test
        void unitMustBeLel() {
            GasDetectorConfig c = new GasDetectorConfig("GT-106", "甲烷", GasType.COMBUSTIBLE, MeasurementUnit.PERCENT_VOL,
                    BigDecimal.ZERO, new BigDecimal("5"), new BigDecimal("1"), new BigDecimal("2"), null);
            assertThat(only(checker.check(c), "COMBUSTIBLE_UNIT").severity()).isEqualTo(Severity.VIOLATION);
        }
    }

    @Nested
    class Common {
        @ParameterizedTest(name = "first {0}, second {1}")
        @CsvSource({"25, 25", "30, 20"})
        void firstMustBeBelowSecond(double first, double second) {
            DetectorCheckResult r = checker.check(GasDetectorConfig.combustible("GT", "甲烷", 100, first, second));
            assertThat(only(r, "ALARM_ORDER").clause()).isEqualTo("GB/T 50493-2019 3.0.2");
            assertThat(r.compliant()).isFalse();
        }

        @Test
        void setPointsMustLieInsideTheRange() {
            // toxic, OEL 10 ppm, range 0–30 ppm; second level 40 ppm is beyond full scale (and above 200 % OEL).
            GasDetectorConfig c = GasDetectorConfig.toxic("AT", "硫化氢", MeasurementUnit.PPM, 30, 10, 40,
                    ToxicGasLimits.ofMac(new BigDecimal("10"), MeasurementUnit.PPM));
            DetectorCheckResult r = checker.check(c);
            assertThat(only(r, "SET_POINT_OUT_OF_RANGE").message()).contains("secondLevelAlarm 40 ppm");
        }

        @Test
        void zeroSetPointIsAtTheLowerEndAndRejected() {
            DetectorCheckResult r = checker.check(GasDetectorConfig.combustible("GT", "甲烷", 100, 0, 50));
            assertThat(only(r, "SET_POINT_OUT_OF_RANGE").message()).contains("firstLevelAlarm 0");
        }

        @Test
        void setPointAtFullScaleIsInside() {
            DetectorCheckResult r = checker.check(GasDetectorConfig.oxygen("OT", 25, 19.5, 25));
            assertThat(r.hasFinding("SET_POINT_OUT_OF_RANGE")).isFalse();
        }

        @Test
        void invalidNumbersAreRejected() {
            assertThatThrownBy(() -> GasDetectorConfig.combustible("GT", "甲烷", 100, Double.NaN, 50))
                    .isInstanceOf(InvalidHazardInputException.class).hasMessageContaining("firstLevelAlarm = NaN");
            assertThatThrownBy(() -> GasDetectorConfig.combustible("GT", "甲烷", 100, -1, 50))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firstLevelAlarm = -1");
            assertThatThrownBy(() -> GasDetectorConfig.combustible("GT", "甲烷", 0, 1, 2))
                    .isInstanceOf(InvalidHazardInputException.class).hasMessageContaining("rangeMax = 0");
            assertThatThrownBy(() -> ToxicGasLimits.ofMac(new BigDecimal("-1"), MeasurementUnit.PPM))
                    .isInstanceOf(InvalidHazardInputException.class).hasMessageContaining("toxicLimits.mac = -1");
        }
    }

    @Nested
    class Toxic {
        private final ToxicGasLimits oel10ppm = ToxicGasLimits.ofPcTwa(new BigDecimal("10"), MeasurementUnit.PPM);

        @Test
        void limitsExactlyAt100And200PercentOel() {
            DetectorCheckResult r = checker.check(GasDetectorConfig.toxic("AT-1", "X", MeasurementUnit.PPM, 30, 10, 20, oel10ppm));
            assertThat(r.findings()).isEmpty();
        }

        @Test
        void firstLevelAbove100PercentOel() {
            DetectorCheckResult r = checker.check(GasDetectorConfig.toxic("AT-2", "X", MeasurementUnit.PPM, 30, 10.01, 20, oel10ppm));
            DetectorFinding f = only(r, "TOXIC_FIRST_LEVEL");
            assertThat(f.clause()).isEqualTo("GB/T 50493-2019 5.5.3 item 3");
            assertThat(f.message()).contains("100 % OEL", "PC-TWA 10 ppm");
            assertThat(r.findings()).hasSize(1);
        }

        @Test
        void secondLevelAbove200PercentOel() {
            DetectorCheckResult r = checker.check(GasDetectorConfig.toxic("AT-3", "X", MeasurementUnit.PPM, 30, 10, 20.5, oel10ppm));
            assertThat(only(r, "TOXIC_SECOND_LEVEL").message()).contains("200 % OEL = 20 ppm");
            assertThat(r.findings()).hasSize(1);
        }

        @Test
        void macTakesPriorityOverPcTwa() {
            // 3.0.8: MAC first. MAC 5 ppm, PC-TWA 10 ppm → OEL = 5; first level 8 ppm violates.
            ToxicGasLimits l = new ToxicGasLimits(MeasurementUnit.PPM, new BigDecimal("5"), new BigDecimal("10"), null, null, null);
            DetectorCheckResult r = checker.check(GasDetectorConfig.toxic("AT-4", "X", MeasurementUnit.PPM, 30, 8, 10, l));
            assertThat(only(r, "TOXIC_FIRST_LEVEL").message()).contains("MAC 5 ppm");
            assertThat(l.oel()).hasValueSatisfying(o -> assertThat(o.kind()).isEqualTo(ToxicGasLimits.Kind.MAC));
        }

        @Test
        void pcStelUsedOnlyWhenNothingElse() {
            ToxicGasLimits l = new ToxicGasLimits(MeasurementUnit.PPM, null, null, new BigDecimal("15"), null, null);
            assertThat(l.oel()).hasValueSatisfying(o -> assertThat(o.kind()).isEqualTo(ToxicGasLimits.Kind.PC_STEL));
        }

        @Test
        void rangeBelow300PercentOelWithoutIdlh() {
            DetectorCheckResult r = checker.check(GasDetectorConfig.toxic("AT-5", "X", MeasurementUnit.PPM, 25, 10, 20, oel10ppm));
            DetectorFinding f = only(r, "TOXIC_RANGE");
            assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
            assertThat(f.clause()).isEqualTo("GB/T 50493-2019 5.5.2");
            assertThat(f.message()).contains("300 % OEL = 30 ppm");
        }

        @Test
        void idlhAlternativeWhenRangeCannotReach300PercentOel() {
            // OEL 10 ppm, IDLH 60 ppm, range 0–20 ppm: below 300 % OEL (30 ppm) but above 30 % IDLH (18 ppm),
            // so 5.5.2's alternative range applies and the set points are judged against 5 % IDLH = 3 ppm
            // and 10 % IDLH = 6 ppm (5.5.3 item 3).
            ToxicGasLimits l = oel10ppm.withIdlh(new BigDecimal("60"));
            DetectorCheckResult ok = checker.check(GasDetectorConfig.toxic("AT-6", "X", MeasurementUnit.PPM, 20, 3, 6, l));
            assertThat(only(ok, "TOXIC_RANGE").severity()).isEqualTo(Severity.ADVISORY);
            assertThat(ok.compliant()).isTrue();
            DetectorCheckResult bad = checker.check(GasDetectorConfig.toxic("AT-7", "X", MeasurementUnit.PPM, 20, 3.1, 6.1, l));
            assertThat(only(bad, "TOXIC_FIRST_LEVEL").message()).contains("5 % IDLH = 3 ppm");
            assertThat(only(bad, "TOXIC_SECOND_LEVEL").message()).contains("10 % IDLH = 6 ppm");
        }

        @Test
        void oelInMgPerM3ConvertedToPpm() {
            // 硫化氢 MAC 10 mg/m³ (GBZ 2.1), M = 34.08 g/mol → 10 × 24.45 / 34.08 = 7.1743 ppm; range 0–25 ppm ≥ 21.52.
            ToxicGasLimits h2s = ToxicGasLimits.ofMac(new BigDecimal("10"), MeasurementUnit.MG_PER_M3)
                    .withMolarMass(new BigDecimal("34.08"));
            assertThat(checker.check(GasDetectorConfig.toxic("AT-8", "硫化氢", MeasurementUnit.PPM, 25, 7, 14, h2s))
                    .findings()).isEmpty();
            DetectorCheckResult r = checker.check(GasDetectorConfig.toxic("AT-9", "硫化氢", MeasurementUnit.PPM, 25, 7.2, 14, h2s));
            assertThat(only(r, "TOXIC_FIRST_LEVEL").message()).contains("100 % OEL = MAC 7.1743 ppm", "converted from 10 mg/m³");
        }

        @Test
        void missingOelOrMolarMassIsAdvisory() {
            DetectorCheckResult none = checker.check(GasDetectorConfig.toxic("AT-10", "X", MeasurementUnit.PPM, 30, 10, 20, null));
            assertThat(only(none, "TOXIC_OEL_MISSING").severity()).isEqualTo(Severity.ADVISORY);
            assertThat(none.compliant()).isTrue();
            ToxicGasLimits mg = ToxicGasLimits.ofMac(new BigDecimal("10"), MeasurementUnit.MG_PER_M3);
            DetectorCheckResult noM = checker.check(GasDetectorConfig.toxic("AT-11", "X", MeasurementUnit.PPM, 30, 10, 20, mg));
            assertThat(only(noM, "TOXIC_OEL_MISSING").message()).contains("molar mass");
        }

        @Test
        void toxicUnitMustBeConcentration() {
            DetectorCheckResult r = checker.check(GasDetectorConfig.toxic("AT-12", "X", MeasurementUnit.PERCENT_LEL, 100, 10, 20, oel10ppm));
            assertThat(only(r, "TOXIC_UNIT").severity()).isEqualTo(Severity.VIOLATION);
        }
    }

    @Nested
    class Oxygen {
        @Test
        void standardSetting() {
            assertThat(checker.check(GasDetectorConfig.oxygen("OT-1", 25, 19.5, 23.5)).findings()).isEmpty();
        }

        @Test
        void lowAlarmNot19_5() {
            DetectorCheckResult r = checker.check(GasDetectorConfig.oxygen("OT-2", 25, 18, 23.5));
            DetectorFinding f = only(r, "OXYGEN_LOW_ALARM");
            assertThat(f.clause()).isEqualTo("GB/T 50493-2019 5.5.3 item 4");
            assertThat(f.severity()).isEqualTo(Severity.ADVISORY);
            assertThat(r.findings()).hasSize(1);
        }

        @Test
        void highAlarmNot23_5() {
            DetectorCheckResult r = checker.check(GasDetectorConfig.oxygen("OT-3", 25, 19.5, 24));
            assertThat(only(r, "OXYGEN_HIGH_ALARM").message()).contains("23.5 %VOL", "24 %VOL");
        }

        @Test
        void rangeOtherThan0To25() {
            assertThat(checker.check(GasDetectorConfig.oxygen("OT-4", 30, 19.5, 23.5)).hasFinding("OXYGEN_RANGE")).isTrue();
        }

        @Test
        void lowMustBeBelowHigh() {
            DetectorCheckResult r = checker.check(GasDetectorConfig.oxygen("OT-5", 25, 23.5, 19.5));
            assertThat(only(r, "ALARM_ORDER").severity()).isEqualTo(Severity.VIOLATION);
            assertThat(r.compliant()).isFalse();
        }
    }
}
