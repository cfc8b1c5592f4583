package org.chempark.report.internal;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.chempark.core.db.internal.JdbcSchemaMigrator;
import org.chempark.sdk.security.OrganisationType;
import org.chempark.sdk.security.Subject;
import org.chempark.sdk.security.SubjectHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A real embedded PostgreSQL with the module's migration, a settable clock and an event recorder. */
abstract class ReportTestBase {
    @TempDir
    static Path dir;
    static EmbeddedPostgres pg;
    static ReportServiceImpl service;
    static final TestClock CLOCK = new TestClock(LocalDate.of(2026, 6, 1));
    static final List<Map.Entry<String, Map<String, Object>>> EVENTS = new CopyOnWriteArrayList<>();
    /** Enterprises 1 and 2 of the asset model; unit 10 belongs to 1, unit 20 to 2. */
    static final Map<Long, String> ENTERPRISES = Map.of(1L, "江东化工有限公司", 2L, "海晨精细化工有限公司");
    static final Map<Long, Long> UNITS = Map.of(10L, 1L, 20L, 2L);

    static final Subject PARK = Subject.system("test");

    static Subject enterpriseUser(long enterpriseId) {
        return new Subject(100 + enterpriseId, "safety-" + enterpriseId, 50 + enterpriseId, OrganisationType.ENTERPRISE, enterpriseId, Set.of(),
                Set.of("enterprise-safety"), Set.of("*:read", "*:write"), "zh-CN");
    }

    static final class TestClock extends Clock {
        volatile Instant now;

        TestClock(LocalDate day) {
            set(day);
        }

        void set(LocalDate day) {
            now = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
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

    static ReportConfig config(Path files, int leadDays, long maxBytes) {
        return new ReportConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ReportConfig.class;
            }

            @Override
            public int lead_days() {
                return leadDays;
            }

            @Override
            public long max_file_bytes() {
                return maxBytes;
            }

            @Override
            public String[] allowed_content_types() {
                return new String[] { "application/pdf", "image/png", "image/jpeg" };
            }

            @Override
            public String storage_dir() {
                return files.toString();
            }

            @Override
            public double fuzzy_threshold() {
                return 0.6;
            }

            @Override
            public int sweep_minutes() {
                return 60;
            }
        };
    }

    @BeforeAll
    static void start() throws Exception {
        if (pg != null) {
            return;
        }
        pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data")).setOverrideWorkingDirectory(dir.resolve("bin").toFile()).start();
        Context.Assets assets = new Context.Assets() {
            @Override
            public boolean enterpriseExists(long enterpriseId) {
                return ENTERPRISES.containsKey(enterpriseId);
            }

            @Override
            public Optional<Long> unitEnterprise(long unitId) {
                return Optional.ofNullable(UNITS.get(unitId));
            }

            @Override
            public Map<Long, String> enterpriseNames() {
                return ENTERPRISES;
            }
        };
        service = new ReportServiceImpl(new JdbcSchemaMigrator(pg.getPostgresDatabase()), pg.getPostgresDatabase(), assets,
                (topic, props) -> EVENTS.add(Map.entry(topic, props)), config(dir.resolve("files"), 30, 64 * 1024), CLOCK, false);
    }

    @AfterAll
    static void stop() throws Exception {
        service.deactivate();
        pg.close();
        pg = null;
    }

    @BeforeEach
    void asParkStaff() {
        SubjectHolder.set(PARK);
        CLOCK.set(LocalDate.of(2026, 6, 1));
        EVENTS.clear();
    }

    static long events(String topic) {
        return EVENTS.stream().filter(e -> e.getKey().equals(topic)).count();
    }
}
