package org.chempark.classification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.chempark.classification.internal.Diagnosis.Finding;
import org.chempark.sdk.rest.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of the 100-point risk diagnosis of 应急〔2018〕19号 (rules and their sources:
 * docs/enterprise-classification.md): score = 100 − Σ 项目 min(分值, deductions) + bonuses; 红色 below 60,
 * 橙色 60 to below 75, 黄色 75 to below 90, 蓝色 90 and above; a direct-red condition (直接判定为红色) makes it
 * 红色 whatever the score.
 */
class DiagnosisTest {
    static final Diagnosis D = Diagnosis.load();

    /** A finding of a fixed row. */
    static Finding row(String id) {
        return new Finding(id, null, null, null);
    }

    /** A finding of a per-unit row. */
    static Finding row(String id, int count) {
        return new Finding(id, count, null, null);
    }

    static Diagnosis.Result score(Finding... deductions) {
        return D.score(List.of(deductions), List.of(), List.of());
    }

    @Test
    void tableLoadsWithSourcesAndStatus() {
        assertThat(D.sources).containsOnlyKeys("S1", "S2", "S3");
        assertThat(D.sources.values()).allSatisfy(s -> assertThat(s.url()).startsWith("http"));
        assertThat(D.projects).hasSize(13);
        assertThat(D.projects.values().stream().mapToDouble(Diagnosis.Project::maxDeduction).sum()).isEqualTo(100.0);
        assertThat(D.projects.get("6.1").maxDeduction()).isEqualTo(15.0); // 人员资质（15分）
        assertThat(D.items).hasSize(42);
        assertThat(D.items.values()).filteredOn(i -> i.kind().equals(Diagnosis.DEDUCT)).hasSize(35);
        assertThat(D.items.values()).filteredOn(i -> i.kind().equals(Diagnosis.BONUS)).extracting(Diagnosis.Item::id)
                .containsExactly("3.1.3", "6.1.5", "8.1.1", "9.1.1", "9.1.2", "9.1.3", "9.2.4");
        assertThat(D.items.values()).allSatisfy(i -> {
            assertThat(i.status()).isEqualTo("SOURCED");
            assertThat(i.source()).startsWith("S1");
            assertThat(i.points()).isPositive();
        });
        assertThat(D.items.get("1.2.3").points()).isEqualTo(0.1);
        assertThat(D.items.get("1.2.3").per()).isEqualTo("种");
        assertThat(D.items.get("9.2.2").text()).contains("1–2人死亡");
        assertThat(D.items.get("9.2.2").points()).isEqualTo(8.0);
        assertThat(D.directRed).containsOnlyKeys("R1", "R2", "R3", "R4");
        assertThat(D.directRed.values()).allSatisfy(r -> assertThat(r.status()).isEqualTo("SOURCED"));
        assertThat(D.directRed.get("R1").text()).isEqualTo("在役化工装置未经正规设计且未进行安全设计诊断");
        assertThat(D.directRed.get("R2").text()).contains("小试、中试和工业化试验");
        assertThat(D.directRed.get("R3").text()).contains("高中以上文化程度");
        assertThat(D.directRed.get("R4").text()).contains("重大以上安全事故", "2起较大安全事故", "2起以上亡人一般安全事故");
        // 100 + 甲级设计 2 + 化工专业负责人 3×2 + 专职消防 3 + 标准化一级 15 + 五年无事故 5
        assertThat(D.maxScore()).isEqualTo(131.0);
    }

    @Test
    void workedExampleYellow() {
        // 二级重大危险源 -8, two hazardous processes (氯化、加氢) 2×2 = -4, outside a chemical park -3: 100 - 15 = 85 → 黄色
        Diagnosis.Result r = D.score(List.of(row("1.1.2"), new Finding("1.3.1", 2, null, "氯化、加氢"), row("2.1.1")), List.of(), List.of());
        assertThat(r.score()).isEqualTo(85.0);
        assertThat(r.deducted()).isEqualTo(15.0);
        assertThat(r.level()).isEqualTo("YELLOW");
        assertThat(r.levelZh()).isEqualTo("黄色");
        assertThat(r.explanation().get(0)).startsWith("100 - 15 + 0 = 85 → 黄色");
        assertThat(r.explanation()).anyMatch(s -> s.startsWith("1.3 危险化工工艺种类 (10分): 1.3.1 ") && s.contains("×2种: -4") && s.endsWith("→ -4"));
        assertThat(r.deductions()).extracting(Finding::itemId, Finding::count, Finding::points).contains(
                org.assertj.core.groups.Tuple.tuple("1.3.1", 2, 4.0), org.assertj.core.groups.Tuple.tuple("1.1.2", null, 8.0));
    }

    @Test
    void bandBoundariesBelongToTheBetterBand() {
        assertThat(score().level()).isEqualTo("BLUE"); // 100
        assertThat(score(row("1.1.1")).score()).isEqualTo(90.0);
        assertThat(score(row("1.1.1")).level()).isEqualTo("BLUE"); // 90 蓝色 (90分及以上)
        assertThat(score(row("1.1.1"), row("1.2.3", 1)).score()).isEqualTo(89.9);
        assertThat(score(row("1.1.1"), row("1.2.3", 1)).level()).isEqualTo("YELLOW");
        Finding[] seventyFive = { row("1.1.1"), row("1.3.1", 5), row("2.1.1"), row("4.1.2") }; // 10 + 10 + 3 + 2
        assertThat(score(seventyFive).score()).isEqualTo(75.0);
        assertThat(score(seventyFive).level()).isEqualTo("YELLOW"); // 75 黄色 (75分(含)至90分)
        assertThat(score(row("1.1.1"), row("1.3.1", 5), row("2.1.1"), row("4.1.2"), row("1.2.3", 1)).level()).isEqualTo("ORANGE"); // 74.9
        Finding[] sixty = { row("1.1.1"), row("1.3.1", 5), row("2.1.2"), row("3.1.2") }; // 10 + 10 + 10 + 10
        assertThat(score(sixty).score()).isEqualTo(60.0);
        assertThat(score(sixty).level()).isEqualTo("ORANGE"); // 60 橙色 (60分(含)至75分)
        Diagnosis.Result below = score(row("1.1.1"), row("1.3.1", 5), row("2.1.2"), row("3.1.2"), row("1.2.3", 1));
        assertThat(below.score()).isEqualTo(59.9);
        assertThat(below.level()).isEqualTo("RED"); // 红色 (60分以下)
    }

    @Test
    void aBonusCanLiftAScoreAcrossABoundary() {
        // deductions 27 → 73 橙色; 安全生产标准化三级 +2 → 75 黄色
        List<Finding> ds = List.of(row("1.1.1"), row("1.3.1", 5), row("2.1.1"), row("4.1.2"), row("4.1.1", 1));
        assertThat(D.score(ds, List.of(), List.of()).level()).isEqualTo("ORANGE");
        Diagnosis.Result r = D.score(ds, List.of(row("9.1.3")), List.of());
        assertThat(r.score()).isEqualTo(75.0);
        assertThat(r.added()).isEqualTo(2.0);
        assertThat(r.level()).isEqualTo("YELLOW");
        assertThat(r.explanation().get(0)).startsWith("100 - 27 + 2 = 75 → 黄色");
        assertThat(r.explanation()).contains("加分 9.1.3 安全生产标准化为三级: +2");
    }

    @Test
    void deductionsOfOneProjectStopAtItsPoints() {
        // 5.1 自控与安全设施 (10分): 12 places without gas detection ×1 = 12 → 10; 1.2 物质危险性 (5分): 60 kinds ×0.1 = 6 → 5
        Diagnosis.Result r = score(row("5.1.5", 12), row("1.2.3", 60));
        assertThat(r.score()).isEqualTo(85.0);
        assertThat(r.projects()).filteredOn(p -> p.projectId().equals("5.1")).singleElement()
                .satisfies(p -> assertThat(p.found()).isEqualTo(12.0)).satisfies(p -> assertThat(p.deducted()).isEqualTo(10.0));
        assertThat(r.explanation()).anyMatch(s -> s.startsWith("5.1 ") && s.contains("12 扣满 10"));
        assertThat(r.explanation()).anyMatch(s -> s.startsWith("1.2 ") && s.contains("6 扣满 5"));
        // accidents (9.2 安全事故情况, 10分): 1起较大事故 -10 and 1起1–2人死亡 -8 → 10
        assertThat(score(row("9.2.1"), row("9.2.2")).score()).isEqualTo(90.0);
        assertThat(score(row("9.2.2")).score()).isEqualTo(92.0);
    }

    @Test
    void directRedOverridesAHighScore() {
        // 标准化一级 +15, 专职消防 +3, no deduction → 118; 新开发工艺未经小试、中试 → 红色 all the same
        Diagnosis.Result r = D.score(List.of(), List.of(row("9.1.1"), row("8.1.1")), List.of("R2"));
        assertThat(r.score()).isEqualTo(118.0);
        assertThat(r.level()).isEqualTo("RED");
        assertThat(r.levelZh()).isEqualTo("红色");
        assertThat(r.explanation()).anyMatch(s -> s.contains("直接判定为红色 R2") && s.contains("小试、中试"));
        Diagnosis.Result twice = D.score(List.of(row("7.1.3", 1)), List.of(), List.of("R3", "R3"));
        assertThat(twice.level()).isEqualTo("RED");
        assertThat(twice.explanation()).filteredOn(s -> s.startsWith("直接判定为红色")).hasSize(1);
    }

    @Test
    void theScoreHasNoCeiling() {
        Diagnosis.Result r = D.score(List.of(), List.of(row("3.1.3"), row("6.1.5", 3), row("8.1.1"), row("9.1.1"), row("9.2.4")), List.of());
        assertThat(r.score()).isEqualTo(131.0).isEqualTo(D.maxScore());
        assertThat(r.level()).isEqualTo("BLUE");
    }

    @Test
    void everyDeductionTakenIsScoreZero() {
        List<Finding> all = new ArrayList<>();
        for (Diagnosis.Item i : D.items.values()) {
            if (i.kind().equals(Diagnosis.DEDUCT) && !List.of("1.1.2", "1.1.3", "1.1.4").contains(i.id())) { // one grade of 重大危险源
                all.add(i.per() == null ? row(i.id()) : row(i.id(), i.maxCount() == null ? 20 : i.maxCount()));
            }
        }
        Diagnosis.Result r = D.score(all, List.of(), List.of());
        assertThat(r.score()).isZero();
        assertThat(r.deducted()).isEqualTo(100.0);
        assertThat(r.level()).isEqualTo("RED");
        // bonuses still count from 0: 2 + 6 + 3 + 15 (五年内未发生安全事故 cannot hold with accidents found)
        Diagnosis.Result withBonuses = D.score(all, List.of(row("3.1.3"), row("6.1.5", 3), row("8.1.1"), row("9.1.1")), List.of());
        assertThat(withBonuses.score()).isEqualTo(26.0);
        assertThat(withBonuses.level()).isEqualTo("RED");
    }

    @Test
    void pointsAsTheApiTookThemBeforeUnitsStillWork() {
        Diagnosis.Result r = score(new Finding("1.3.1", null, 4.0, null), new Finding("2.1.2", null, 10.0, null), new Finding("1.4.2", 3, 1.5, null));
        assertThat(r.score()).isEqualTo(84.5);
        assertThat(r.deductions()).extracting(Finding::count).containsExactly(2, null, 3);
        assertThatThrownBy(() -> score(new Finding("1.3.1", null, 3.0, null), new Finding("2.1.1", null, 2.0, null),
                new Finding("1.4.1", 2, 3.0, null))).isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("deductions[0].points", "deductions[1].points",
                                "deductions[2].points"));
    }

    @Test
    void invalidDiagnosesNameEveryProblem() {
        List<Finding> ds = List.of(row("Z9"), row("9.1.1"), row("2.1.1"), row("2.1.1"), row("1.3.1", 0), row("1.3.1"), row("2.1.2", 2),
                row("1.1.1"), row("1.1.2"), row("9.2.1"), row("1.2.1"));
        List<Finding> bs = List.of(row("6.1.5", 4), row("9.1.2"), row("9.1.3"), row("9.2.4"), row("1.1.3"));
        assertThatThrownBy(() -> D.score(ds, bs, List.of("R9", "R4"))).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.errors()).extracting(f -> f.field()).containsExactlyInAnyOrder("directRed[0]", // unknown condition
                    "deductions[0].itemId", // unknown row
                    "deductions[1].itemId", // a bonus row among the deductions
                    "deductions[3].itemId", // 2.1.1 twice
                    "deductions[4].count", // count 0
                    "deductions[5].itemId", // 1.3.1 twice (the first, with count 0, already named)
                    "deductions[6].count", // a fixed row counted twice
                    "deductions[8].itemId", // 一级 and 二级 重大危险源: give the highest grade only
                    "deductions[10].count", // a per-unit row without a count
                    "bonuses[0].count", // three roles named: at most 3
                    "bonuses[2].itemId", // 标准化 二级 and 三级
                    "bonuses[3].itemId", // 五年内未发生安全事故 with an accident of 9.2.1
                    "bonuses[3].itemId", // … and with R4
                    "bonuses[4].itemId"); // a deduction row among the bonuses
        });
    }
}
