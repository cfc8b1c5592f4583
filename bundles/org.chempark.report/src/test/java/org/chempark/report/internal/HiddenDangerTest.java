package org.chempark.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chempark.report.internal.Model.FeedbackInput;
import org.chempark.report.internal.Model.HiddenDanger;
import org.chempark.report.internal.Model.HiddenDangerInput;
import org.chempark.report.internal.Model.HistoryEntry;
import org.chempark.report.internal.Model.Inspection;
import org.chempark.report.internal.Model.InspectionInput;
import org.chempark.report.internal.Model.RectificationInput;
import org.chempark.report.internal.Model.VerificationInput;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.risk.RiskFactor;
import org.chempark.sdk.risk.RiskFactorProvider;
import org.chempark.sdk.security.SubjectHolder;
import org.junit.jupiter.api.Test;

/** Special inspections, 三录入 workflow, overdue detection, Chinese search and scoping (R-F2.4) on a real PostgreSQL. */
class HiddenDangerTest extends ReportTestBase {
    static final PageQuery ALL = PageQuery.parse(0, 100, null, HiddenDangerStore.SORTABLE);

    static HiddenDangerStore.Filter query(String q, String match) {
        return new HiddenDangerStore.Filter(null, null, null, null, null, null, null, q, match);
    }

    Inspection inspection(long enterpriseId) {
        return service.hiddenDangers.createInspection(new InspectionInput(enterpriseId, "重大危险源专项督导检查（第二轮）", LocalDate.of(2026, 5, 20),
                "张工, 李工", null));
    }

    HiddenDanger record(Inspection i, String grade, String description) {
        return service.hiddenDangers.record(i.id(), new HiddenDangerInput(null, grade, description, "储罐区", "GB 50160-2008 6.2", null));
    }

    static Map<String, Double> factors(long enterpriseId) {
        return service.factors(enterpriseId).stream().collect(Collectors.toMap(RiskFactor::type, RiskFactor::value));
    }

    @Test
    void threeEntriesLifecycleWithIllegalStepsAndStaleVersions() {
        Inspection insp = inspection(1);
        double openBefore = factors(1).get("report.open-hidden-dangers");
        // (1) problem
        HiddenDanger h = record(insp, "MAJOR", "甲醇储罐高液位报警与紧急切断阀未联锁");
        assertThat(h.status()).isEqualTo("RECORDED");
        assertThat(h.allowedActions()).containsExactly("rectification");
        assertThat(h.foundOn()).isEqualTo(insp.inspectedOn());
        assertThat(events(RiskFactorProvider.CHANGED)).isEqualTo(1);
        assertThat(factors(1)).containsEntry("report.open-hidden-dangers", openBefore + 1);
        // feedback before a rectification plan: illegal
        assertThatThrownBy(() -> service.hiddenDangers.feedback(h.id(), new FeedbackInput("已整改", h.version())))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.detail()).contains("rectification");
                });
        // (2) rectification; a refused step rolls back and posts nothing
        EVENTS.clear();
        assertThatThrownBy(() -> service.hiddenDangers.rectification(h.id(), new RectificationInput("增设联锁", "王厂长", LocalDate.of(2026, 1, 1),
                h.version())))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("deadline"));
        assertThat(EVENTS).isEmpty();
        assertThat(service.hiddenDangers.history(h.id())).hasSize(1);
        HiddenDanger r = service.hiddenDangers.rectification(h.id(), new RectificationInput("增设高高液位联锁切断进料阀", "王厂长",
                LocalDate.of(2026, 6, 30), h.version()));
        assertThat(r.status()).isEqualTo("RECTIFYING");
        assertThat(r.version()).isEqualTo(h.version() + 1);
        // stale version
        assertThatThrownBy(() -> service.hiddenDangers.rectification(h.id(), new RectificationInput("x", "y", LocalDate.of(2026, 6, 30), h.version())))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
        // feedback needs evidence
        assertThatThrownBy(() -> service.hiddenDangers.feedback(h.id(), new FeedbackInput("联锁已投用", r.version())))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors().get(0).field()).isEqualTo("evidence");
                });
        assertThat(service.hiddenDangers.get(h.id()).status()).isEqualTo("RECTIFYING");
        service.hiddenDangers.evidence(h.id(), "联锁调试记录.pdf", "application/pdf", new ByteArrayInputStream(ReportStoreTest.pdf("联锁")));
        HiddenDanger withEvidence = service.hiddenDangers.get(h.id());
        HiddenDanger submitted = service.hiddenDangers.feedback(h.id(), new FeedbackInput("联锁已投用并经测试", withEvidence.version()));
        assertThat(submitted.status()).isEqualTo("SUBMITTED");
        // evidence after submission: illegal
        assertThatThrownBy(() -> service.hiddenDangers.evidence(h.id(), "more.pdf", "application/pdf", new ByteArrayInputStream(ReportStoreTest.pdf("m"))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
        // (3) rejected needs a note, then goes back to rectification
        assertThatThrownBy(() -> service.hiddenDangers.verification(h.id(), new VerificationInput(false, null, submitted.version())))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("note"));
        HiddenDanger rejected = service.hiddenDangers.verification(h.id(), new VerificationInput(false, "未提供联锁逻辑图", submitted.version()));
        assertThat(rejected.status()).isEqualTo("RECTIFYING");
        HiddenDanger again = service.hiddenDangers.feedback(h.id(), new FeedbackInput("补充联锁逻辑图", rejected.version()));
        HiddenDanger closed = service.hiddenDangers.verification(h.id(), new VerificationInput(true, "现场复核合格", again.version()));
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.allowedActions()).isEmpty();
        assertThatThrownBy(() -> service.hiddenDangers.rectification(h.id(), new RectificationInput("x", "y", LocalDate.of(2026, 7, 1), closed.version())))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(service.hiddenDangers.history(h.id())).extracting(HistoryEntry::action)
                .containsExactly("record", "rectification", "evidence", "feedback", "verification", "feedback", "verification");
        assertThat(factors(1)).containsEntry("report.open-hidden-dangers", openBefore);
    }

    @Test
    void overdueHiddenDangersAreDetectedOnceAndCounted() {
        Inspection insp = inspection(2);
        HiddenDanger h = record(insp, "GENERAL", "消防通道被临时堆放物料占用");
        HiddenDanger r = service.hiddenDangers.rectification(h.id(), new RectificationInput("清理物料", "赵主任", LocalDate.of(2026, 6, 5), h.version()));
        assertThat(r.overdue()).isFalse();
        service.hiddenDangers.sweepOverdue();
        EVENTS.clear();
        CLOCK.set(LocalDate.of(2026, 6, 6));
        assertThat(service.hiddenDangers.get(h.id()).overdue()).isTrue();
        assertThat(service.hiddenDangers.sweepOverdue()).isEqualTo(1);
        assertThat(events(ReportModule.OVERDUE_TOPIC)).isEqualTo(1);
        assertThat(service.hiddenDangers.sweepOverdue()).isZero();
        assertThat(service.hiddenDangers.list(ALL, new HiddenDangerStore.Filter(2L, null, null, null, true, null, null, null, null)).items())
                .extracting(HiddenDanger::id).contains(h.id());
        assertThat(factors(2).get("report.overdue-hidden-dangers")).isGreaterThanOrEqualTo(1);
        assertThat((Long) service.hiddenDangers.statistics(null, null).get("overdue")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void exactAndFuzzySearchOverChineseText() {
        Inspection insp = inspection(1);
        HiddenDanger level = record(insp, "GENERAL", "二号储罐区液位计故障未及时维修");
        HiddenDanger permit = record(insp, "GENERAL", "动火作业票证签批不规范，缺少气体分析记录");
        HiddenDanger gas = record(insp, "MAJOR", "可燃气体报警器未按规定定期标定");
        Function<String, List<Long>> exact = q -> service.hiddenDangers.list(ALL, query(q, "exact")).items().stream().map(HiddenDanger::id).toList();
        Function<String, List<Long>> fuzzy = q -> service.hiddenDangers.list(ALL, query(q, "fuzzy")).items().stream().map(HiddenDanger::id).toList();

        assertThat(exact.apply("液位计故障")).contains(level.id()).doesNotContain(permit.id(), gas.id());
        assertThat(exact.apply("液 位 计")).contains(level.id()); // spaces are ignored
        assertThat(exact.apply("储罐液位故障")).doesNotContain(level.id()); // not a substring
        assertThat(fuzzy.apply("储罐液位故障")).contains(level.id()).doesNotContain(permit.id(), gas.id());
        assertThat(fuzzy.apply("气体报警器标定")).first().isEqualTo(gas.id());
        assertThat(fuzzy.apply("动火票证")).contains(permit.id());
        assertThat(fuzzy.apply("消防水池")).doesNotContain(level.id(), permit.id(), gas.id());
        // the best match comes first, with its score
        HiddenDanger top = service.hiddenDangers.list(ALL, query("可燃气体报警器标定", "fuzzy")).items().get(0);
        assertThat(top.id()).isEqualTo(gas.id());
        assertThat(top.score()).isGreaterThan(0.6);
        assertThatThrownBy(() -> service.hiddenDangers.list(ALL, query("液位", "regex")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("match"));
    }

    @Test
    void enterpriseUsersOnlyReachTheirOwnHiddenDangers() {
        HiddenDanger mine = record(inspection(1), "GENERAL", "安全阀校验过期");
        HiddenDanger theirs = record(inspection(2), "GENERAL", "安全阀校验过期");
        SubjectHolder.set(enterpriseUser(2));
        try {
            assertThat(service.hiddenDangers.list(ALL, query("安全阀", "exact")).items()).extracting(HiddenDanger::enterpriseId).containsOnly(2L);
            assertThatThrownBy(() -> service.hiddenDangers.get(mine.id()))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
            assertThatThrownBy(() -> service.hiddenDangers.rectification(mine.id(), new RectificationInput("m", "p", LocalDate.of(2026, 7, 1),
                    mine.version())))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
            assertThat(service.hiddenDangers.rectification(theirs.id(), new RectificationInput("更换安全阀", "钱工", LocalDate.of(2026, 7, 1),
                    theirs.version())).status()).isEqualTo("RECTIFYING");
        } finally {
            SubjectHolder.set(PARK);
        }
        assertThat(service.hiddenDangers.get(mine.id()).status()).isEqualTo("RECORDED");
    }

    @Test
    void badInputIsRefusedWhole() {
        Inspection insp = inspection(1);
        assertThatThrownBy(() -> service.hiddenDangers.record(insp.id(), new HiddenDangerInput(20L, "SEVERE", "", null, null, LocalDate.of(2030, 1, 1))))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors()).extracting(x -> x.field()).contains("grade", "description", "foundOn", "unitId");
                });
        assertThat(service.hiddenDangers.inspection(insp.id()).hiddenDangers()).isZero();
        assertThatThrownBy(() -> service.hiddenDangers.record(999_999L, new HiddenDangerInput(null, "GENERAL", "x", null, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
}
