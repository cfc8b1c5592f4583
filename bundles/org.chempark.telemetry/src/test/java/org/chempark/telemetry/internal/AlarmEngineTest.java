package org.chempark.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.PointType;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.telemetry.Quality;
import org.chempark.sdk.telemetry.Reading;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limit evaluation and the alarm workflow against a real PostgreSQL (R-F2.2, R-I.5): LL/L/H/HH
 * with deadband and on-delay, rate of change, stale, BAD quality; acknowledge, shelve, unshelve,
 * clear, history, and 409 for illegal or repeated transitions.
 */
class AlarmEngineTest {
    @TempDir
    static Path dir;
    static PgTestSupport db;
    // level 0..10 m: LL 1, L 2, H 8, HH 9 → deadband 1 % of range = 0.1 m
    static final MonitoringPoint LEVEL = PgTestSupport.point(1, "E01-LT-1001", PointType.LEVEL, 0.0, 10.0, 1.0, 2.0, 8.0, 9.0, 11, 101);
    static final MonitoringPoint GAS = PgTestSupport.point(2, "E01-GT-1002", PointType.COMBUSTIBLE_GAS, 0.0, 100.0, null, null, 25.0, 50.0, 11, 101);
    static final MonitoringPoint PRESSURE = PgTestSupport.point(3, "E02-PT-2001", PointType.PRESSURE, 0.0, 4.0, null, 0.2, 3.0, 3.5, 21, 102);

    TelemetryService service;
    TestClock clock;
    final List<String> events = new CopyOnWriteArrayList<>();
    Instant t0;

    @BeforeAll
    static void start() throws Exception {
        db = new PgTestSupport(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @AfterEach
    void close() throws Exception {
        if (service != null) {
            service.close();
        }
        db.truncate();
    }

    TelemetryService start(Settings s) {
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        clock = new TestClock(t0);
        service = new TelemetryService(s, db.dataSource(), new PointCatalog(() -> List.of(LEVEL, GAS, PRESSURE)), clock, db.migrator);
        service.alarms.addListener((action, a) -> events.add(action + " " + a.pointCode() + " " + a.kind() + " " + a.state()));
        return service;
    }

    /** Submits one reading at t0 + seconds and waits until it is stored and evaluated. */
    void at(double seconds, MonitoringPoint p, double value) throws Exception {
        send(new Reading(p.code(), t0.plusMillis((long) (seconds * 1000)), value, Quality.GOOD, "test:x"));
    }

    void send(Reading r) throws Exception {
        long before = service.alarms.evaluatedBatches();
        assertThat(service.submit(List.of(r)).toCompletableFuture().get(10, TimeUnit.SECONDS).accepted()).isEqualTo(1);
        // evaluation runs right after the commit, on the writer thread
        PgTestSupport.await("evaluation", () -> service.alarms.evaluatedBatches() > before);
    }

    List<String> kinds(String code) {
        return service.alarms.activeAlarms().stream().filter(a -> a.pointCode().equals(code)).map(Alarm::kind).sorted().toList();
    }

    Alarm active(String code, String kind) {
        return service.alarms.activeAlarms().stream().filter(a -> a.pointCode().equals(code) && a.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no active " + kind + " on " + code + ": " + service.alarms.activeAlarms()));
    }

    @Test
    void highLimitsRaiseAndClearWithDeadband() throws Exception {
        start(Settings.builder().writers(1).build());
        at(0, LEVEL, 7.9);
        assertThat(kinds(LEVEL.code())).isEmpty();
        at(1, LEVEL, 8.0);
        PgTestSupport.await("H raised", () -> kinds(LEVEL.code()).equals(List.of("H")));
        at(2, LEVEL, 9.2);
        PgTestSupport.await("HH raised", () -> kinds(LEVEL.code()).equals(List.of("H", "HH")));
        // 8.95 is below HH but within its 0.1 deadband: HH stays
        at(3, LEVEL, 8.95);
        assertThat(kinds(LEVEL.code())).containsExactly("H", "HH");
        at(4, LEVEL, 8.85);
        PgTestSupport.await("HH cleared", () -> kinds(LEVEL.code()).equals(List.of("H")));
        at(5, LEVEL, 7.95);
        assertThat(kinds(LEVEL.code())).containsExactly("H");
        at(6, LEVEL, 7.85);
        PgTestSupport.await("H cleared", () -> kinds(LEVEL.code()).isEmpty());
        assertThat(db.rows("SELECT kind, active, value, cleared_value FROM telemetry.alarm ORDER BY id")).containsExactly(
                List.of("H", false, 8.0, 7.85), List.of("HH", false, 9.2, 8.85));
        assertThat(events).containsExactly("RAISED E01-LT-1001 H ACTIVE", "RAISED E01-LT-1001 HH ACTIVE", "CLEARED E01-LT-1001 HH CLEARED",
                "CLEARED E01-LT-1001 H CLEARED");
    }

    @Test
    void lowLimitsMirrorTheHighOnes() throws Exception {
        start(Settings.builder().writers(1).build());
        at(0, LEVEL, 1.0);
        PgTestSupport.await("L and LL", () -> kinds(LEVEL.code()).equals(List.of("L", "LL")));
        assertThat(active(LEVEL.code(), "LL").priority()).isEqualTo(1);
        at(1, LEVEL, 1.05);
        assertThat(kinds(LEVEL.code())).containsExactly("L", "LL");
        at(2, LEVEL, 1.5);
        PgTestSupport.await("LL cleared", () -> kinds(LEVEL.code()).equals(List.of("L")));
    }

    @Test
    void onDelayNeedsTheConditionToHold() throws Exception {
        start(Settings.builder().writers(1).onDelay(PointType.LEVEL, 5000).build());
        at(0, LEVEL, 8.5);
        at(3, LEVEL, 8.6);
        assertThat(kinds(LEVEL.code())).isEmpty();
        at(4, LEVEL, 7.0); // dropped back: the delay starts again
        at(5, LEVEL, 8.5);
        at(9, LEVEL, 8.5);
        assertThat(kinds(LEVEL.code())).isEmpty();
        at(10, LEVEL, 8.5);
        PgTestSupport.await("H after 5 s", () -> kinds(LEVEL.code()).equals(List.of("H")));
        assertThat(active(LEVEL.code(), "H").raisedAt()).isEqualTo(t0.plusSeconds(10));
        // other classes have no delay
        at(10, GAS, 30);
        PgTestSupport.await("gas H at once", () -> kinds(GAS.code()).equals(List.of("H")));
    }

    @Test
    void rateOfChange() throws Exception {
        start(Settings.builder().writers(1).rate(PointType.PRESSURE, 0.5).build());
        at(0, PRESSURE, 1.0);
        at(1, PRESSURE, 1.4);
        assertThat(kinds(PRESSURE.code())).isEmpty();
        at(2, PRESSURE, 2.2); // 0.8 MPa/s
        PgTestSupport.await("RATE", () -> kinds(PRESSURE.code()).equals(List.of("RATE")));
        assertThat(active(PRESSURE.code(), "RATE").limit()).isEqualTo(0.5);
        at(4, PRESSURE, 2.4); // 0.1 MPa/s
        PgTestSupport.await("RATE cleared", () -> kinds(PRESSURE.code()).isEmpty());
        // LEVEL has no rate limit configured
        at(0, LEVEL, 3);
        at(1, LEVEL, 7);
        assertThat(kinds(LEVEL.code())).isEmpty();
    }

    @Test
    void staleMeansCommunicationLoss() throws Exception {
        start(Settings.builder().writers(1).staleSeconds(30).build());
        at(0, GAS, 5);
        clock.advance(Duration.ofSeconds(20));
        service.alarms.tick();
        assertThat(kinds(GAS.code())).isEmpty();
        clock.advance(Duration.ofSeconds(15));
        service.alarms.tick();
        assertThat(kinds(GAS.code())).containsExactly("STALE");
        assertThat(active(GAS.code(), "STALE").limit()).isNaN();
        service.alarms.tick();
        assertThat(db.count("SELECT count(*) FROM telemetry.alarm WHERE kind = 'STALE'")).isEqualTo(1);
        at(36, GAS, 6);
        PgTestSupport.await("STALE cleared", () -> kinds(GAS.code()).isEmpty());
    }

    @Test
    void badQualityIsAnAlarmAndSuspendsLimits() throws Exception {
        start(Settings.builder().writers(1).build());
        send(new Reading(GAS.code(), t0, Double.NaN, Quality.BAD, "test:x"));
        PgTestSupport.await("BAD_QUALITY", () -> kinds(GAS.code()).equals(List.of("BAD_QUALITY")));
        send(new Reading(GAS.code(), t0.plusSeconds(1), 99, Quality.BAD, "test:x"));
        assertThat(kinds(GAS.code())).containsExactly("BAD_QUALITY");
        at(2, GAS, 1);
        PgTestSupport.await("cleared", () -> kinds(GAS.code()).isEmpty());
    }

    @Test
    void acknowledgeShelveUnshelveAndConflicts() throws Exception {
        start(Settings.builder().writers(1).build());
        at(0, GAS, 60);
        PgTestSupport.await("HH", () -> kinds(GAS.code()).equals(List.of("H", "HH")));
        Alarm hh = active(GAS.code(), "HH");
        assertThat(hh.state()).isEqualTo("ACTIVE");

        Alarm acked = service.alarms.acknowledge(hh, "operator1", "checked on site");
        assertThat(acked.state()).isEqualTo("ACKNOWLEDGED");
        assertThat(active(GAS.code(), "HH").acknowledgedBy()).isEqualTo("operator1");
        // twice: 409, whether from the fresh or the stale copy
        assertThatThrownBy(() -> service.alarms.acknowledge(acked, "operator2", "again")).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).status()).isEqualTo(409);
        assertThatThrownBy(() -> service.alarms.acknowledge(hh, "operator2", "concurrent")).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).status()).isEqualTo(409);

        Alarm h = active(GAS.code(), "H");
        assertThatThrownBy(() -> service.alarms.shelve(h, "op", "maintenance", clock.instant().minusSeconds(1)))
                .isInstanceOf(ProblemException.class).extracting(e -> ((ProblemException) e).status()).isEqualTo(422);
        Alarm shelved = service.alarms.shelve(h, "op", "sensor maintenance", clock.instant().plusSeconds(3600));
        assertThat(shelved.state()).isEqualTo("SHELVED");
        assertThatThrownBy(() -> service.alarms.shelve(shelved, "op", "again", clock.instant().plusSeconds(60)))
                .isInstanceOf(ProblemException.class).extracting(e -> ((ProblemException) e).status()).isEqualTo(409);
        Alarm unshelved = service.alarms.unshelve(shelved, "op", "done");
        assertThat(unshelved.state()).isEqualTo("ACTIVE");
        assertThatThrownBy(() -> service.alarms.unshelve(unshelved, "op", "again")).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).status()).isEqualTo(409);

        // shelving ends by itself
        service.alarms.shelve(unshelved, "op", "short", clock.instant().plusSeconds(10));
        clock.advance(Duration.ofSeconds(11));
        service.alarms.tick();
        assertThat(active(GAS.code(), "H").state()).isEqualTo("ACTIVE");

        // cleared but not acknowledged: one acknowledgement is allowed, the second is 409
        at(1, GAS, 1);
        PgTestSupport.await("cleared", () -> kinds(GAS.code()).isEmpty());
        Alarm clearedH = service.alarmStore.find(h.id()).orElseThrow();
        assertThat(clearedH.state()).isEqualTo("CLEARED");
        assertThatThrownBy(() -> service.alarms.shelve(clearedH, "op", "x", clock.instant().plusSeconds(60)))
                .isInstanceOf(ProblemException.class).extracting(e -> ((ProblemException) e).status()).isEqualTo(409);
        Alarm ackedCleared = service.alarms.acknowledge(clearedH, "operator1", "seen afterwards");
        assertThat(ackedCleared.state()).isEqualTo("CLEARED");
        assertThatThrownBy(() -> service.alarms.acknowledge(service.alarmStore.find(h.id()).orElseThrow(), "operator1", "twice"))
                .isInstanceOf(ProblemException.class).extracting(e -> ((ProblemException) e).status()).isEqualTo(409);

        assertThat(service.alarmStore.events(h.id())).extracting(m -> m.get("action") + "/" + m.get("actor")).containsExactly(
                "RAISED/system", "SHELVED/op", "UNSHELVED/op", "SHELVED/op", "UNSHELVED/system", "CLEARED/system", "ACKNOWLEDGED/operator1");
        assertThat(service.alarmStore.events(hh.id()).get(1)).containsEntry("action", "ACKNOWLEDGED").containsEntry("actor", "operator1")
                .containsEntry("reason", "checked on site");
    }

    @Test
    void activeAlarmsSurviveARestart() throws Exception {
        start(Settings.builder().writers(1).build());
        at(0, PRESSURE, 3.7);
        PgTestSupport.await("H+HH", () -> kinds(PRESSURE.code()).size() == 2);
        service.close();
        service = new TelemetryService(Settings.builder().writers(1).build(), db.dataSource(),
                new PointCatalog(() -> List.of(LEVEL, GAS, PRESSURE)), clock, db.migrator);
        assertThat(kinds(PRESSURE.code())).containsExactly("H", "HH");
        assertThat(service.latest(PRESSURE.code())).get().extracting(Reading::value).isEqualTo(3.7);
        // still one active HH per point after the restart: a new reading above does not raise a second one
        at(1, PRESSURE, 3.8);
        assertThat(db.count("SELECT count(*) FROM telemetry.alarm WHERE kind = 'HH'")).isEqualTo(1);
    }
}
