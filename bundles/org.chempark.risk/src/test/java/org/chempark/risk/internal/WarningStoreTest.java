package org.chempark.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.chempark.risk.internal.Model.Colour;
import org.chempark.risk.internal.Model.Score;
import org.chempark.risk.internal.Model.Settings;
import org.chempark.risk.internal.WarningStore.ActionInput;
import org.chempark.risk.internal.WarningStore.Source;
import org.chempark.risk.internal.WarningStore.State;
import org.chempark.risk.internal.WarningStore.Warning;
import org.chempark.sdk.notify.Notification;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.risk.RiskFactor;
import org.chempark.sdk.security.OrganisationType;
import org.chempark.sdk.security.Subject;
import org.chempark.sdk.security.SubjectHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warning handling (R-F2.3, 发送→核查→反馈→督办→关闭) and score history against a real PostgreSQL:
 * legal and illegal transitions, concurrent actions, deadlines, reminders and escalation, scoping.
 */
class WarningStoreTest {
    @TempDir
    static Path dir;
    static EmbeddedPostgres pg;
    static DataSource ds;
    static WarningStore store;
    static ScoreStore scores;
    static final Settings SETTINGS = Settings.parse(RiskService.defaults());
    static final List<Notification> sent = Collections.synchronizedList(new ArrayList<>());
    static final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T01:00:00Z"));

    static final Subject ENTERPRISE_7 = new Subject(42, "e7-safety", 70, OrganisationType.ENTERPRISE, 7L, Set.of(), Set.of("enterprise-safety"),
            Set.of("*:read", "*:write"), "zh-CN");
    static final Subject ENTERPRISE_8 = new Subject(43, "e8-safety", 80, OrganisationType.ENTERPRISE, 8L, Set.of(), Set.of("enterprise-safety"),
            Set.of("*:read", "*:write"), "zh-CN");
    static final Subject REGULATOR = new Subject(2, "regulator", 1, OrganisationType.DEPARTMENT, null, Set.of(), Set.of("park-regulator"),
            Set.of("*:read", "*:handle", "*:close"), "zh-CN");

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data")).setOverrideWorkingDirectory(dir.resolve("bin").toFile()).start();
        ds = pg.getPostgresDatabase();
        new org.chempark.core.db.internal.JdbcSchemaMigrator(ds).migrate("risk", WarningStoreTest.class.getClassLoader(), "db/risk",
                RiskService.MIGRATIONS);
        store = new WarningStore(new Db(ds), clock, () -> SETTINGS, sent::add);
        scores = new ScoreStore(new Db(ds));
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @BeforeEach
    void reset() {
        SubjectHolder.clear();
        sent.clear();
    }

    static <T> T as(Subject s, Callable<T> work) throws Exception {
        return SubjectHolder.runAs(s, work);
    }

    static ActionInput action(String a, int version, String remark) {
        return new ActionInput(a, version, remark);
    }

    @Test
    void aWarningGoesThroughEveryStepInOrderAndEachStepIsRecorded() throws Exception {
        long id = store.raise(Colour.RED, Source.RISK_MODEL, "U:101", 7, 101L, "甲醇储罐区 风险升至红色", "红 重大风险 70 = …");
        assertThat(sent).singleElement().satisfies(n -> assertThat(n.recipients()).contains("enterprise:7", "role:park-regulator", "role:park-admin"));
        Warning w = as(ENTERPRISE_7, () -> store.warning(id));
        assertThat(w.state()).isEqualTo(State.SENT);
        assertThat(w.stepDueAt()).isEqualTo(clock.now.plusSeconds(30 * 60)); // RED: verify within 30 min
        assertThat(w.allowedActions()).extracting(Enum::name).containsExactly("VERIFY");

        // feedback before verify: 409 naming the allowed step, nothing changed
        assertThatThrownBy(() -> as(ENTERPRISE_7, () -> store.act(id, action("FEEDBACK", w.version(), "done"))))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errors().get(0).message()).contains("VERIFY");
                });
        assertThat(as(ENTERPRISE_7, () -> store.warning(id)).version()).isEqualTo(w.version());

        Warning v = as(ENTERPRISE_7, () -> store.act(id, action("VERIFY", w.version(), "现场核查: 液位计故障")));
        assertThat(v.state()).isEqualTo(State.VERIFIED);
        assertThat(v.stepDueAt()).isEqualTo(clock.now.plusSeconds(120 * 60));
        // the enterprise may not supervise
        assertThatThrownBy(() -> as(ENTERPRISE_7, () -> store.act(id, action("SUPERVISE", v.version(), "x"))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(403));
        // another enterprise does not see it at all
        assertThatThrownBy(() -> as(ENTERPRISE_8, () -> store.act(id, action("FEEDBACK", v.version(), "x"))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
        Warning f = as(ENTERPRISE_7, () -> store.act(id, action("FEEDBACK", v.version(), "已更换液位计")));
        Warning s = as(REGULATOR, () -> store.act(id, action("SUPERVISE", f.version(), "请于今日内完成复核")));
        // a remark is required except for closing
        as(REGULATOR, () -> store.act(id, action("CLOSE", s.version(), null)));
        Warning closed = as(REGULATOR, () -> store.warning(id));
        assertThat(closed.state()).isEqualTo(State.CLOSED);
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.stepDueAt()).isNull();
        assertThat(closed.steps()).extracting(WarningStore.Step::action).containsExactly("SEND", "VERIFY", "FEEDBACK", "SUPERVISE", "CLOSE");
        assertThat(closed.steps().get(1)).satisfies(st -> {
            assertThat(st.actorName()).isEqualTo("e7-safety");
            assertThat(st.organisationId()).isEqualTo(70);
            assertThat(st.remark()).contains("液位计");
        });
        // closing twice: 409, nothing changes
        assertThatThrownBy(() -> as(REGULATOR, () -> store.act(id, action("CLOSE", closed.version(), null))))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("closed");
                });
        assertThat(as(REGULATOR, () -> store.warning(id)).steps()).hasSize(5);
        // unknown action and missing remark: 422
        long id2 = store.raise(Colour.ORANGE, Source.ALARM_RULE, "alarm-9", 7, 101L, "HH", "HH alarm");
        assertThatThrownBy(() -> as(ENTERPRISE_7, () -> store.act(id2, action("APPROVE", 0, "x"))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThatThrownBy(() -> as(ENTERPRISE_7, () -> store.act(id2, action("VERIFY", 0, " "))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("remark"));
    }

    @Test
    void twoPeopleActingAtOnceOneWinsTheOtherGets409() throws Exception {
        long id = store.raise(Colour.ORANGE, Source.RISK_MODEL, "U:102", 7, 102L, "液氨储罐区 风险升至橙色", "橙 45");
        int version = as(ENTERPRISE_7, () -> store.warning(id)).version();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                go.await();
                try {
                    as(ENTERPRISE_7, () -> store.act(id, action("VERIFY", version, "核查 " + n)));
                    return 200;
                } catch (ProblemException e) {
                    return e.status();
                }
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        Warning w = as(ENTERPRISE_7, () -> store.warning(id));
        assertThat(w.state()).isEqualTo(State.VERIFIED);
        assertThat(w.version()).isEqualTo(version + 1);
        assertThat(w.steps()).filteredOn(s -> s.action().equals("VERIFY")).hasSize(1);
        // a stale version is refused even when the step itself would be legal
        assertThatThrownBy(() -> as(ENTERPRISE_7, () -> store.act(id, action("FEEDBACK", version, "x"))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("version"));
    }

    @Test
    void sameSourceDoesNotRepeatButAWorseLevelUpgrades() throws Exception {
        long id = store.raise(Colour.ORANGE, Source.RISK_MODEL, "U:103", 8, 103L, "液氯储罐区 风险升至橙色", "橙");
        assertThat(store.raise(Colour.ORANGE, Source.RISK_MODEL, "U:103", 8, 103L, "液氯储罐区 风险升至橙色", "橙 again")).isEqualTo(-1);
        assertThat(store.raise(Colour.RED, Source.RISK_MODEL, "U:103", 8, 103L, "液氯储罐区 风险升至红色", "红")).isEqualTo(id);
        Warning w = as(REGULATOR, () -> store.warning(id));
        assertThat(w.level()).isEqualTo(Colour.RED);
        // the title follows the level, so later notices do not say "【红色预警】… 风险升至橙色"
        assertThat(w.title()).isEqualTo("液氯储罐区 风险升至红色");
        assertThat(w.steps()).extracting(WarningStore.Step::action).containsExactly("SEND", "UPGRADE");
        assertThat(as(ENTERPRISE_7, () -> store.warnings(PageQuery.parse(0, 100, null, WarningStore.SORT), null, null, null, null)).items())
                .allSatisfy(x -> assertThat(x.enterpriseId()).isEqualTo(7L));
    }

    @Test
    void remindersBeforeAndEscalationAfterTheDeadlineOnceEach() throws Exception {
        Instant saved = clock.now;
        try {
            long id = store.raise(Colour.YELLOW, Source.RISK_MODEL, "U:104", 9, 104L, "黄色预警", "黄"); // verify within 240 min
            sent.clear();
            clock.now = saved.plusSeconds(60 * 150); // 62 % of the window: nothing yet
            store.remindAndEscalate(); // other tests' warnings may be reminded here; this one not yet
            assertThat(sent).noneMatch(n -> n.reference().equals("risk/warning/" + id));
            clock.now = saved.plusSeconds(60 * 200); // inside the last 20 %: reminder to the enterprise
            store.remindAndEscalate();
            store.remindAndEscalate();
            assertThat(sent).filteredOn(n -> n.reference().equals("risk/warning/" + id)).singleElement()
                    .satisfies(n -> assertThat(n.recipients()).containsExactly("enterprise:9"));
            clock.now = saved.plusSeconds(60 * 241); // past the deadline: escalation to the configured target
            store.remindAndEscalate();
            store.remindAndEscalate();
            assertThat(sent).filteredOn(n -> n.reference().equals("risk/warning/" + id)).hasSize(2).last()
                    .satisfies(n -> assertThat(n.recipients()).contains("role:park-regulator", "enterprise:9"));
            Warning w = as(REGULATOR, () -> store.warning(id));
            assertThat(w.overdue()).isTrue();
            assertThat(w.steps()).extracting(WarningStore.Step::action).containsExactly("SEND", "REMIND", "ESCALATE");
        } finally {
            clock.now = saved;
        }
    }

    @Test
    void scoreHistoryKeepsEveryChangeWithItsExplanation() throws Exception {
        List<RiskFactor> f1 = List.of(new RiskFactor("hazard.grade", 5, 501L, 4, "一级"));
        List<Score> s1 = RiskEngine.score(5, f1, RiskEngineTest.NAMES, SETTINGS, Instant.now());
        assertThat(scores.save(5, s1)).hasSize(2);
        assertThat(scores.save(5, s1)).isEmpty(); // nothing changed, nothing stored
        List<RiskFactor> f2 = List.of(f1.get(0), new RiskFactor("telemetry.active-alarms", 5, 501L, 2, "2 alarms"));
        List<ScoreStore.Change> ch = scores.save(5, RiskEngine.score(5, f2, RiskEngineTest.NAMES, SETTINGS, Instant.now()));
        assertThat(ch).extracting(c -> c.score().colour()).containsOnly(Colour.RED);
        assertThat(ch).extracting(ScoreStore.Change::previous).containsOnly(Colour.YELLOW);
        List<ScoreStore.HistoryEntry> h = as(REGULATOR, () -> scores.history(5L, null, null, null, 10));
        assertThat(h).hasSize(2);
        assertThat(h.get(0).colour()).isEqualTo(Colour.RED);
        assertThat(h.get(0).contributions()).extracting(Model.Contribution::factor).containsExactlyInAnyOrder("hazard.grade",
                "telemetry.active-alarms");
        // a new store (a restart) starts from the stored current scores
        ScoreStore restarted = new ScoreStore(new Db(ds));
        assertThat(as(REGULATOR, () -> restarted.current(false, 5L, null))).singleElement()
                .satisfies(s -> assertThat(s.colour()).isEqualTo(Colour.RED));
        // its summary is not stored: the first evaluation after the restart gives it back without a new history row
        assertThat(restarted.save(5, RiskEngine.score(5, f2, RiskEngineTest.NAMES, SETTINGS, Instant.now()))).isEmpty();
        assertThat(as(REGULATOR, () -> restarted.current(true, 5L, null))).singleElement()
                .satisfies(s -> assertThat(s.summary()).contains("红"));
        assertThat(as(REGULATOR, () -> restarted.history(5L, null, null, null, 10))).hasSize(2);
        assertThat(as(ENTERPRISE_7, () -> scores.current(false, 5L, null))).isEmpty();
    }
}
