package org.chempark.classification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.chempark.classification.internal.Diagnosis.Deduction;
import org.chempark.sdk.rest.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of the 100-point risk diagnosis of 应急〔2018〕19号: 100 minus the deductions;
 * 红色 below 60, 橙色 60 to below 75, 黄色 75 to below 90, 蓝色 90 and above; a direct-red
 * condition (直接判定为红色) makes it 红色 whatever the score.
 */
class DiagnosisTest {
    static final Diagnosis D = Diagnosis.load();

    static Diagnosis.Result score(double... pointsForItems) {
        String[] ids = { "A1", "A2", "A3", "B1", "D1", "E1", "A1" };
        List<Deduction> ds = new java.util.ArrayList<>();
        for (int i = 0; i < pointsForItems.length; i++) {
            ds.add(new Deduction(ids[i], pointsForItems[i], null));
        }
        return D.score(ds, List.of());
    }

    @Test
    void tableLoadsWithSourcesAndStatus() {
        assertThat(D.items).hasSize(14);
        assertThat(D.directRed).hasSize(4);
        assertThat(D.items.values()).allSatisfy(i -> {
            assertThat(i.source()).contains("应急〔2018〕19号");
            assertThat(i.status()).isIn("SOURCED", "PLACEHOLDER");
            assertThat(i.maxDeduction()).isPositive();
        });
        assertThat(D.items.values().stream().mapToDouble(Diagnosis.Item::maxDeduction).sum()).isEqualTo(100.0);
        assertThat(D.directRed.get("R1").status()).isEqualTo("SOURCED");
        assertThat(D.directRed.get("R1").text()).isEqualTo("在役化工装置未经正规设计且未进行安全设计诊断");
    }

    @Test
    void workedExampleYellow() {
        // 涉及重点监管危险化工工艺 -10, 未实现自动化控制 -5: 100 - 15 = 85 → 黄色
        Diagnosis.Result r = D.score(List.of(new Deduction("A1", 10.0, "氯化、加氢两种工艺"), new Deduction("E1", 5.0, null)), List.of());
        assertThat(r.score()).isEqualTo(85.0);
        assertThat(r.level()).isEqualTo("YELLOW");
        assertThat(r.levelZh()).isEqualTo("黄色");
        assertThat(r.explanation().get(0)).startsWith("100 - 15.0 = 85 → 黄色");
        assertThat(r.explanation()).anyMatch(s -> s.startsWith("A1 ") && s.endsWith("-10.0"));
    }

    @Test
    void bandBoundariesBelongToTheBetterBand() {
        assertThat(D.score(List.of(), List.of()).level()).isEqualTo("BLUE");           // 100
        assertThat(score(10).level()).isEqualTo("BLUE");                               // 90 蓝色 (90分及以上)
        assertThat(score(10, 0.5).level()).isEqualTo("YELLOW");                        // 89.5
        assertThat(score(10, 10, 5).level()).isEqualTo("YELLOW");                      // 75 黄色 (75至90分以下)
        assertThat(score(10, 10, 5.5).level()).isEqualTo("ORANGE");                    // 74.5
        assertThat(score(10, 10, 10, 10).score()).isEqualTo(60.0);
        assertThat(score(10, 10, 10, 10).level()).isEqualTo("ORANGE");                 // 60 橙色 (60至75分以下)
        assertThat(score(10, 10, 10, 10, 0.5).level()).isEqualTo("RED");               // 59.5 红色 (60分以下)
    }

    @Test
    void directRedOverridesAGoodScore() {
        Diagnosis.Result r = D.score(List.of(new Deduction("G1", 2.0, null)), List.of("R1"));
        assertThat(r.score()).isEqualTo(98.0);
        assertThat(r.level()).isEqualTo("RED");
        assertThat(r.explanation()).anyMatch(s -> s.contains("直接判定为红色 R1") && s.contains("安全设计诊断"));
        assertThat(D.score(List.of(), List.of("R3", "R3")).level()).isEqualTo("RED");
    }

    @Test
    void everyDeductionTakenIsScoreZero() {
        List<Deduction> all = D.items.values().stream().map(i -> new Deduction(i.id(), i.maxDeduction(), null)).toList();
        Diagnosis.Result r = D.score(all, List.of());
        assertThat(r.score()).isZero();
        assertThat(r.level()).isEqualTo("RED");
    }

    @Test
    void invalidDiagnosesNameEveryProblem() {
        assertThatThrownBy(() -> D.score(List.of(new Deduction("Z9", 1.0, null), new Deduction("A1", 11.0, null), new Deduction("B1", 2.0, null),
                new Deduction("B1", 1.0, null), new Deduction("C1", 0.25, null), new Deduction("C2", -1.0, null)), List.of("R9")))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors()).extracting(f -> f.field()).containsExactlyInAnyOrder("deductions[0].itemId", "deductions[1].points",
                            "deductions[3].itemId", "deductions[4].points", "deductions[5].points", "directRed[0]");
                });
    }
}
