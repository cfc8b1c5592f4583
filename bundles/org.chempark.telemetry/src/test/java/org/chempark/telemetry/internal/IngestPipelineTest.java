package org.chempark.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.PointType;
import org.chempark.sdk.telemetry.Quality;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingSink.IngestReceipt;
import org.chempark.sdk.telemetry.SourceStatus;
import org.chempark.sdk.telemetry.TelemetrySource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest pipeline against a real PostgreSQL: binary COPY into day × class partitions, the
 * receipt only after commit, latest values, unknown points, dead letters, retention (R-F2.2, R-X.4).
 */
class IngestPipelineTest {
    @TempDir
    static Path dir;
    static PgTestSupport db;
    static final List<MonitoringPoint> POINTS = new ArrayList<>(List.of(
            PgTestSupport.point(1, "E01-LT-1001", PointType.LEVEL, 0.0, 10.0, 1.0, 2.0, 8.0, 9.0, 11, 101),
            PgTestSupport.point(2, "E01-GT-1002", PointType.COMBUSTIBLE_GAS, 0.0, 100.0, null, null, 25.0, 50.0, 11, 101),
            PgTestSupport.point(3, "E02-PT-2001", PointType.PRESSURE, 0.0, 4.0, null, 0.2, 3.0, 3.5, 21, 102)));
    TelemetryService service;

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

    TelemetryService start(Settings s, TestClock clock) {
        service = new TelemetryService(s, db.dataSource(), new PointCatalog(() -> POINTS), clock, db.migrator);
        return service;
    }

    @Test
    void storesABatchWithCopyAndCompletesOnlyWhenCommitted() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TelemetryService t = start(Settings.builder().writers(1).build(), new TestClock(now));
        List<Reading> batch = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            batch.add(Reading.good("E01-LT-1001", now.minusMillis(5000 - i), 5 + (i % 10) / 10.0, "test:a"));
        }
        batch.add(new Reading("E01-GT-1002", now, Double.NaN, Quality.BAD, "test:a"));
        batch.add(Reading.good("NOPE-1", now, 1, "test:a"));
        batch.add(Reading.good("NOPE-1", now, 2, "test:a"));
        batch.add(Reading.good("E02-PT-2001", now.plus(Duration.ofHours(2)), 1, "test:a"));

        IngestReceipt r = t.submit(batch).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(r).isEqualTo(new IngestReceipt(5001, 2, 1));
        // completed means committed: another connection sees every row at once
        assertThat(db.count("SELECT count(*) FROM telemetry.reading")).isEqualTo(5001);
        assertThat(db.count("SELECT count(*) FROM telemetry.reading WHERE quality = 2 AND value = 'NaN'")).isEqualTo(1);
        // it went into the day × class partition of the level point
        String part = ReadingStore.dayTable(Math.floorDiv(now.getEpochSecond(), 86400)) + "_c" + PointType.LEVEL.ordinal();
        assertThat(db.count("SELECT count(*) FROM telemetry." + part)).isGreaterThan(0);
        // exact values and timestamps survive the binary COPY
        assertThat(db.rows("SELECT value, ts FROM telemetry.reading WHERE point_id = 1 ORDER BY ts DESC LIMIT 1").get(0))
                .containsExactly(5.9, java.sql.Timestamp.from(now.minusMillis(1)));
        assertThat(db.rows("SELECT code, source, count FROM telemetry.unknown_point")).containsExactly(List.of("NOPE-1", "test:a", 2L));
        assertThat(db.rows("SELECT source, reason FROM telemetry.dead_letter")).hasSize(1);
        assertThat((String) db.rows("SELECT reason FROM telemetry.dead_letter").get(0).get(0)).startsWith("timestamp in the future: E02-PT-2001");
        assertThat(t.latest("E01-LT-1001")).get().extracting(Reading::value).isEqualTo(5.9);
        assertThat(t.pipeline.counters()).containsEntry("accepted", 5001L).containsEntry("unknown", 2L).containsEntry("rejected", 1L);

        t.flushLatest();
        assertThat(db.count("SELECT count(*) FROM telemetry.latest_value")).isEqualTo(2);
        assertThat(t.raw("E01-LT-1001", now.minusSeconds(10), now, 10)).hasSize(10);
    }

    @Test
    void manyConcurrentSubmittersAreBatchedAndAllStored() throws Exception {
        Instant now = Instant.now();
        TelemetryService t = start(Settings.builder().writers(2).batch(2000, 10).queueCapacity(5000).build(), new TestClock(now));
        List<CompletableFuture<IngestReceipt>> all = new ArrayList<>();
        for (int s = 0; s < 200; s++) {
            List<Reading> b = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                b.add(Reading.good(POINTS.get(i % 3).code(), now.minusMillis(s * 100 + i), 1.0, "test:" + s));
            }
            all.add(t.submit(b).toCompletableFuture());
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
        assertThat(all).allSatisfy(f -> assertThat(f.join().accepted()).isEqualTo(100));
        assertThat(db.count("SELECT count(*) FROM telemetry.reading")).isEqualTo(20_000);
        // batched: far fewer transactions than submissions
        assertThat((Long) t.pipeline.counters().get("batches")).isLessThan(200);
        assertThat(t.pipeline.queued()).isZero();
    }

    /** A registered source of {@code enterprise} (0: park level). */
    static TelemetrySource source(String id, long enterprise) {
        return source(new String[] { id }, enterprise);
    }

    /** A source whose id can change (id[0]), as an MQTT device's with its configuration. */
    static TelemetrySource source(String[] idRef, long enterprise) {
        return new TelemetrySource() {
            public String id() { return idRef[0]; }
            public String protocol() { return idRef[0].substring(0, idRef[0].indexOf(':')); }
            public String name() { return idRef[0]; }
            public String endpoint() { return "test"; }
            public SourceStatus status() { return new SourceStatus(SourceStatus.State.ONLINE, null, Instant.now(), null, 0); }
            public long enterpriseId() { return enterprise; }
        };
    }

    @Test
    void aSourceOfAnEnterpriseDeliversOnlyThatEnterprisesPoints() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TelemetryService t = start(Settings.builder().writers(1).build(), new TestClock(now));
        TelemetrySource gw = source("mqtt:gw-e01", 101);
        t.addSource(gw);
        t.addSource(source("modbus:park-gds", 0));
        List<Reading> batch = List.of(
                Reading.good("E01-LT-1001", now, 5, "mqtt:gw-e01"),          // its own enterprise's point
                Reading.good("E02-PT-2001", now, 1, "mqtt:gw-e01"),          // enterprise 102's point
                Reading.good("E02-PT-2001", now.minusMillis(1), 1, "modbus:park-gds"), // a park-level source may
                Reading.good("E02-PT-2001", now.minusMillis(2), 1, "rest:import"));    // not registered: not restricted
        IngestReceipt r = t.submit(batch).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(r).isEqualTo(new IngestReceipt(3, 0, 1));
        assertThat(db.count("SELECT count(*) FROM telemetry.reading WHERE point_id = 3")).isEqualTo(2);
        assertThat(db.rows("SELECT source, reason FROM telemetry.dead_letter")).singleElement().satisfies(row -> {
            assertThat(row.get(0)).isEqualTo("mqtt:gw-e01");
            assertThat((String) row.get(1)).startsWith("point of another enterprise: E02-PT-2001 belongs to enterprise 102, the source mqtt:gw-e01 to enterprise 101");
        });
        assertThat(t.pipeline.counters().get("deadLettersByReason").toString()).contains("point of another enterprise=1");
        // renamed in place (same service, new id): its readings under the new id are still checked
        String[] id = { "mqtt:gw-old" };
        TelemetrySource renamed = source(id, 101);
        t.addSource(renamed);
        id[0] = "mqtt:gw-new";
        assertThat(t.submit(List.of(Reading.good("E02-PT-2001", now.minusMillis(4), 1, "mqtt:gw-new"))).toCompletableFuture()
                .get(30, TimeUnit.SECONDS).rejected()).isEqualTo(1);
        t.removeSource(renamed);
        assertThat(t.pipeline.enterpriseOf("mqtt:gw-new")).isZero();
        // once the source is gone, its readings are no longer checked
        t.removeSource(gw);
        assertThat(t.submit(List.of(Reading.good("E02-PT-2001", now.minusMillis(3), 1, "mqtt:gw-e01"))).toCompletableFuture()
                .get(30, TimeUnit.SECONDS).accepted()).isEqualTo(1);
    }

    @Test
    void rejectedPayloadsAreStoredWithReasonAndCounted() throws Exception {
        TelemetryService t = start(Settings.builder().writers(1).build(), new TestClock(Instant.now()));
        t.rejectPayload("mqtt:gw-7", "malformed JSON: unexpected end of input", "{\"v\":".getBytes(StandardCharsets.UTF_8));
        byte[] big = new byte[100_000];
        t.rejectPayload("modbus:gds-3", "wrong register count", big);
        assertThat(db.rows("SELECT source, reason, payload, truncated FROM telemetry.dead_letter ORDER BY id").get(0))
                .containsExactly("mqtt:gw-7", "malformed JSON: unexpected end of input", "{\"v\":".getBytes(StandardCharsets.UTF_8), false);
        assertThat(db.rows("SELECT length(payload), truncated FROM telemetry.dead_letter WHERE source = 'modbus:gds-3'").get(0))
                .containsExactly(65536, true);
        assertThat(t.pipeline.counters()).containsEntry("deadLetters", 2L);
    }

    @Test
    void partitionsAheadAndRetentionPerPointClass() throws Exception {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        Settings s = Settings.builder().writers(1).acceptPastDays(3).retention(PointType.LEVEL, 2).retentionDefault(30).build();
        TelemetryService t = start(s, new TestClock(now));
        List<String> names = t.store.partitionNames();
        assertThat(names).contains("reading_d20261125_c" + PointType.PRESSURE.ordinal(), "reading_d20261130_c" + PointType.LEVEL.ordinal());
        // LEVEL keeps 2 days: the partition of 25 Nov is not even created for it
        assertThat(names).doesNotContain("reading_d20261125_c" + PointType.LEVEL.ordinal());
        // a LEVEL reading 3 days old has nowhere to go: dead letter, not a failed COPY
        IngestReceipt r = t.submit(List.of(Reading.good("E01-LT-1001", now.minus(Duration.ofDays(3)), 1, "test:a"),
                Reading.good("E02-PT-2001", now.minus(Duration.ofDays(3)), 1, "test:a"))).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(r).isEqualTo(new IngestReceipt(1, 0, 1));

        // five days later the LEVEL partitions of 26–28 Nov are dropped, PRESSURE keeps its own
        List<String> dropped = t.store.maintain(now.plus(Duration.ofDays(5)), s);
        assertThat(dropped).contains("reading_d20261128_c" + PointType.LEVEL.ordinal())
                .doesNotContain("reading_d20261128_c" + PointType.PRESSURE.ordinal());
        assertThat(db.count("SELECT count(*) FROM telemetry.reading WHERE point_id = 3")).isEqualTo(1);
    }

    @Test
    void backPressureBoundsTheQueue() throws Exception {
        Instant now = Instant.now();
        TelemetryService t = start(Settings.builder().writers(1).batch(100, 0).queueCapacity(1000).build(), new TestClock(now));
        List<CompletableFuture<IngestReceipt>> all = new ArrayList<>();
        for (int s = 0; s < 50; s++) {
            List<Reading> b = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                b.add(Reading.good("E01-LT-1001", now.minusMillis(s * 100 + i), 1.0, "test:bp"));
            }
            all.add(t.submit(b).toCompletableFuture());
            assertThat(t.pipeline.queued()).isLessThanOrEqualTo(1000);
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
        assertThat(db.count("SELECT count(*) FROM telemetry.reading")).isEqualTo(5000);
    }
}
