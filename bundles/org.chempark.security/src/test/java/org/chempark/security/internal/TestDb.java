package org.chempark.security.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.chempark.core.db.internal.JdbcSchemaMigrator;

/** One real embedded PostgreSQL for all tests of this bundle (started once per test JVM). */
final class TestDb {
    private static EmbeddedPostgres postgres;
    private static HikariDataSource pool;

    private TestDb() {
    }

    static synchronized DataSource dataSource() throws Exception {
        if (pool == null) {
            postgres = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").start();
            HikariConfig hc = new HikariConfig();
            hc.setDataSource(postgres.getPostgresDatabase());
            hc.setMaximumPoolSize(8);
            pool = new HikariDataSource(hc);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pool.close();
                    postgres.close();
                } catch (Exception ignored) {
                    // JVM exit
                }
            }));
        }
        return pool;
    }

    /** A fresh security schema, started as on a first platform start. */
    static Security freshSecurity(Policy policy, Clock clock, Path dataDir) throws Exception {
        DataSource ds = dataSource();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS security CASCADE");
        }
        Files.createDirectories(dataDir);
        return Security.start(ds, new JdbcSchemaMigrator(ds), policy, clock, dataDir);
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
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
}
