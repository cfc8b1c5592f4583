package org.chempark.hazard.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MajorHazardEvaluatorTest {
    private final MajorHazardEvaluator evaluator = new MajorHazardEvaluator();

    private static ChemicalQuantity q(String substance, String tonnes) {
        return ChemicalQuantity.ofSubstance(substance, new BigDecimal(tonnes));
    }

    private static HazardUnit storage(ChemicalQuantity... c) {
        return HazardUnit.storage("U1", "test unit", c);
    }

    @Nested
    class Identification {
        @ParameterizedTest(name = "methanol {0} t → S = {1}, major = {2}")
        @CsvSource({"499.999, 0.999998, false", "500, 1, true", "500.001, 1.000002, true"})
        void sJustBelowAtAndAboveOne(String tonnes, BigDecimal s, boolean major) {
            IdentificationResult r = evaluator.identify(storage(q("67-56-1", tonnes)));
            assertThat(r.s()).isEqualByComparingTo(s);
            assertThat(r.majorHazardSource()).isEqualTo(major);
        }

        @Test
        void thirdsAddUpToExactlyOne() {
            // 碳酰氯 Q = 0.3 t: 0.1/0.3 = 1/3 three times — in doubles this is 0.9999999999999999 < 1.
            ChemicalQuantity p = q("光气", "0.1");
            IdentificationResult r = evaluator.identify(storage(p, p, p));
            assertThat(r.majorHazardSource()).isTrue();
            assertThat(r.s()).isEqualByComparingTo("1");
        }

        @Test
        void severalChemicalsSumTheirRatios() {
            // 氨 6 t / 10 + 氢 2 t / 5 = 0.6 + 0.4 = 1.0 → major although each alone is below its Q.
            IdentificationResult r = evaluator.identify(HazardUnit.production("P1", "合成氨",
                    q("7664-41-7", "6"), q("氢", "2")));
            assertThat(r.terms()).extracting(IdentificationTerm::ratio)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("0.6"), new BigDecimal("0.4"));
            assertThat(r.s()).isEqualByComparingTo("1");
            assertThat(r.majorHazardSource()).isTrue();
        }

        @Test
        void substanceNotInTable1TakesSmallestTable2QOfItsCategories() {
            // A mixture whose category differs from its pure substance (4.2): flammable liquid W5.2 (Q 50)
            // that is also acutely toxic J5 (Q 500) → Q = 50.
            ChemicalQuantity mix = ChemicalQuantity.ofCategories("溶剂混合物", new BigDecimal("40"),
                    HazardCategory.J5, HazardCategory.W5_2);
            IdentificationResult r = evaluator.identify(storage(mix));
            IdentificationTerm t = r.terms().get(0);
            assertThat(t.criticalQuantityTonnes()).isEqualByComparingTo("50");
            assertThat(t.criticalQuantitySource().toString()).startsWith("GB 18218-2018 Table 2 W5.2");
            assertThat(t.explanation()).contains("smallest Q").contains("4.1.2 b");
            assertThat(r.s()).isEqualByComparingTo("0.8");
            assertThat(r.majorHazardSource()).isFalse();
        }

        @Test
        void table1WinsOverCategories() {
            // 甲醇 solution of the same hazard category as pure methanol is treated as methanol (4.2): Q = 500 (Table 1),
            // not 1000 (W5.3, Table 2).
            IdentificationTerm t = evaluator.identify(storage(q("甲醇", "100").withCategories(HazardCategory.W5_3)))
                    .terms().get(0);
            assertThat(t.criticalQuantityTonnes()).isEqualByComparingTo("500");
            assertThat(t.criticalQuantitySource()).isEqualTo(new TableCitation("GB 18218-2018 Table 1", "65", "甲醇"));
            assertThat(t.explanation()).contains("q = 100 t", "Q = 500 t", "GB 18218-2018 Table 1 row 65 (甲醇)", "q/Q = 0.2");
        }

        @Test
        void table1RowsSharingACasAreChosenByRow() {
            IdentificationTerm t = evaluator.identify(storage(
                    ChemicalQuantity.ofTable1Row(44, new BigDecimal("25")))).terms().get(0);
            assertThat(t.displayName()).startsWith("硝酸铵（含可燃物≤0.2%）");
            assertThat(t.criticalQuantityTonnes()).isEqualByComparingTo("50");
        }
    }

    @Nested
    class Grading {
        @Test
        void rExactly100IsGrade1() {
            // 氯 62.5 t: q/Q = 62.5/5 = 12.5; β = 4 (Table 3) → 50; 100 people → α = 2.0 → R = 100 → 一级.
            GradingResult r = evaluator.grade(storage(q("7782-50-5", "62.5")), 100);
            assertThat(r.r()).isEqualByComparingTo("100");
            assertThat(r.grade()).contains(HazardGrade.GRADE_1);
        }

        @Test
        void rJustBelow100IsGrade2() {
            GradingResult r = evaluator.grade(storage(q("7782-50-5", "62.49999")), 100);
            assertThat(r.r()).isEqualByComparingTo("99.999984"); // 62.49999/5 × 4 × 2
            assertThat(r.grade()).contains(HazardGrade.GRADE_2);
        }

        @Test
        void rExactly50IsGrade2AndJustBelowIsGrade3() {
            // 氯 62.5 t with 1..29 people (α = 1.0): R = 50 → 二级.
            assertThat(evaluator.grade(storage(q("氯", "62.5")), 29).grade()).contains(HazardGrade.GRADE_2);
            GradingResult below = evaluator.grade(storage(q("氯", "62.49")), 1);
            assertThat(below.r()).isEqualByComparingTo("49.992");
            assertThat(below.grade()).contains(HazardGrade.GRADE_3);
        }

        @Test
        void rExactly10IsGrade3AndJustBelowIsGrade4() {
            // 甲醇 5000 t: q/Q = 10; β = 1 (default W5.3 → Table 4); α = 1.0 → R = 10 → 三级.
            GradingResult at = evaluator.grade(storage(q("甲醇", "5000")), 10);
            assertThat(at.r()).isEqualByComparingTo("10");
            assertThat(at.grade()).contains(HazardGrade.GRADE_3);
            GradingResult below = evaluator.grade(storage(q("甲醇", "4999.99")), 10);
            assertThat(below.grade()).contains(HazardGrade.GRADE_4);
        }

        @Test
        void rExactly10FromNonTerminatingThirds() {
            // 光气 3 × 0.1 t: each q/Q = 1/3, β = 20 → Σ = 20; 0 people → α = 0.5 → R = 10 exactly → 三级.
            ChemicalQuantity p = q("75-44-5", "0.1");
            GradingResult r = evaluator.grade(storage(p, p, p), 0);
            assertThat(r.betaWeightedSum()).isEqualByComparingTo("20");
            assertThat(r.r()).isEqualByComparingTo("10");
            assertThat(r.grade()).contains(HazardGrade.GRADE_3);
        }

        @ParameterizedTest(name = "{0} people → α {1}, R {2}")
        @CsvSource({"0, 0.5, 5", "1, 1.0, 10", "29, 1.0, 10", "30, 1.2, 12", "49, 1.2, 12", "50, 1.5, 15",
                "99, 1.5, 15", "100, 2.0, 20"})
        void alphaBands(int people, BigDecimal alpha, BigDecimal expectedR) {
            // 氨 50 t: q/Q = 5, β = 2 (Table 3) → Σ = 10; R = α × 10.
            GradingResult r = evaluator.grade(storage(q("氨", "50")), people);
            assertThat(r.alpha()).isEqualByComparingTo(alpha);
            assertThat(r.r()).isEqualByComparingTo(expectedR);
            assertThat(r.explanation()).anyMatch(l -> l.startsWith("α = ") && l.contains(people + " people")
                    && l.contains(r.exposureBand().bandZh()) && l.contains("Table 5"));
        }

        @Test
        void notAMajorHazardSourceHasNoGrade() {
            GradingResult r = evaluator.grade(storage(q("甲苯", "100")), 200);
            assertThat(r.majorHazardSource()).isFalse();
            assertThat(r.grade()).isEmpty();
            assertThat(r.r()).isEqualByComparingTo("0.4");
        }

        @Test
        void toxicGasNotInTable1() {
            // 一氧化碳 is not in Table 1: Q from its categories W2 (Q 10) / J3 (Q 50) → 10; β = 2 from Table 3.
            GradingResult r = evaluator.grade(storage(
                    q("630-08-0", "15").withCategories(HazardCategory.W2, HazardCategory.J3)), 40);
            GradingTerm t = r.terms().get(0);
            assertThat(t.identification().criticalQuantityTonnes()).isEqualByComparingTo("10");
            assertThat(t.beta()).isEqualByComparingTo("2");
            assertThat(t.betaSource().table()).isEqualTo("GB 18218-2018 Table 3");
            assertThat(r.r()).isEqualByComparingTo("3.6"); // 1.2 × 2 × 1.5
            assertThat(r.grade()).contains(HazardGrade.GRADE_4);
        }

        @Test
        void mixtureWithSeveralCategoriesTakesLargestBeta() {
            // Gas mixture, not in Table 1/3: W2 (Q 10, β 1.5) and J3 (Q 50, β 2): Q = 10, β = 2.
            // q = 30 → q/Q = 3; β·q/Q = 6; 120 people α = 2 → R = 12 → 三级.
            GradingResult r = evaluator.grade(storage(ChemicalQuantity.ofCategories("混合气", new BigDecimal("30"),
                    HazardCategory.W2, HazardCategory.J3)), 120);
            assertThat(r.terms().get(0).beta()).isEqualByComparingTo("2");
            assertThat(r.terms().get(0).betaSource().key()).isEqualTo("J3");
            assertThat(r.r()).isEqualByComparingTo("12");
            assertThat(r.grade()).contains(HazardGrade.GRADE_3);
        }

        @Test
        void givenCategoryOverridesDefaultBeta() {
            // 甲醇 kept above its boiling point → W5.1 (β 1.5) instead of the default W5.3 (β 1); Q stays 500 (Table 1).
            GradingResult r = evaluator.grade(storage(q("甲醇", "1000").withCategories(HazardCategory.W5_1)), 10);
            assertThat(r.terms().get(0).beta()).isEqualByComparingTo("1.5");
            assertThat(r.r()).isEqualByComparingTo("3");
        }

        @Test
        void workedExampleMethanolAndBenzeneTankFarm() {
            /*
             * Tank farm (one storage unit inside one dike): 2 × 1000 m³ methanol tanks, 1 × 100 m³ benzene tank.
             * Design maximum quantity (GB 18218-2018 4.2) = geometric volume × density at 20 °C:
             *   methanol 1000 m³ × 0.791 t/m³ = 791 t per tank; benzene 100 m³ × 0.879 t/m³ = 87.9 t.
             * Identification:  S = 791/500 + 791/500 + 87.9/50 = 1.582 + 1.582 + 1.758 = 4.922 ≥ 1 → major hazard source.
             * β: neither is in Table 3; both are flammable liquids category 2 stored below their boiling point
             *   → W5.3 → β = 1 (Table 4).  Σβ·q/Q = 4.922.
             * α: 60 people within 500 m → band 50–99 → α = 1.5 (Table 5).
             * R = 1.5 × 4.922 = 7.383 < 10 → 四级.
             */
            HazardUnit farm = HazardUnit.storage("TF-01", "甲醇苯罐区",
                    q("67-56-1", "791").withLabel("T-101"),
                    q("67-56-1", "791").withLabel("T-102"),
                    q("71-43-2", "87.9").withLabel("T-201"));
            GradingResult r = evaluator.grade(farm, 60);
            assertThat(r.identification().s()).isEqualByComparingTo("4.922");
            assertThat(r.majorHazardSource()).isTrue();
            assertThat(r.terms()).extracting(GradingTerm::beta).usingElementComparator(BigDecimal::compareTo)
                    .containsOnly(BigDecimal.ONE);
            assertThat(r.betaWeightedSum()).isEqualByComparingTo("4.922");
            assertThat(r.alpha()).isEqualByComparingTo("1.5");
            assertThat(r.r()).isEqualByComparingTo("7.383");
            assertThat(r.grade()).contains(HazardGrade.GRADE_4);
            assertThat(r.terms().get(2).explanation()).contains("苯 [T-201]", "Table 4 W5.3");
            assertThat(r.explanation()).anyMatch(l -> l.contains("S = Σq/Q = 4.922") && l.contains("major hazard source"))
                    .anyMatch(l -> l.contains("R = α·Σβ·q/Q = 1.5 × 4.922 = 7.383"))
                    .anyMatch(l -> l.startsWith("Grade 四级"));
        }

        @Test
        void workedExampleChlorineAndAmmonia() {
            /*
             * Water-treatment chemicals warehouse: 液氯 20 t, 液氨 50 t; 120 people within 500 m.
             * S = 20/5 + 50/10 = 4 + 5 = 9 → major.  β: 氯 4, 氨 2 (Table 3) → Σ = 4×4 + 2×5 = 26.
             * α = 2.0 (≥ 100 people) → R = 52 → 二级 (100 > R ≥ 50).
             */
            GradingResult r = evaluator.grade(storage(q("液氯", "20"), q("液氨", "50")), 120);
            assertThat(r.identification().s()).isEqualByComparingTo("9");
            assertThat(r.betaWeightedSum()).isEqualByComparingTo("26");
            assertThat(r.r()).isEqualByComparingTo("52");
            assertThat(r.grade()).contains(HazardGrade.GRADE_2);
            assertThat(r.terms().get(0).explanation()).contains("β = 4", "GB 18218-2018 Table 3 row 7 (氯)");
        }

        @Test
        void gradeOfBigDecimal() {
            assertThat(HazardGrade.of(new BigDecimal("100"))).isEqualTo(HazardGrade.GRADE_1);
            assertThat(HazardGrade.of(new BigDecimal("99.999999"))).isEqualTo(HazardGrade.GRADE_2);
            assertThat(HazardGrade.of(new BigDecimal("50.0"))).isEqualTo(HazardGrade.GRADE_2);
            assertThat(HazardGrade.of(new BigDecimal("49.9999"))).isEqualTo(HazardGrade.GRADE_3);
            assertThat(HazardGrade.of(new BigDecimal("10"))).isEqualTo(HazardGrade.GRADE_3);
            assertThat(HazardGrade.of(new BigDecimal("9.9999"))).isEqualTo(HazardGrade.GRADE_4);
            assertThat(HazardGrade.of(BigDecimal.ZERO)).isEqualTo(HazardGrade.GRADE_4);
        }
    }
}
