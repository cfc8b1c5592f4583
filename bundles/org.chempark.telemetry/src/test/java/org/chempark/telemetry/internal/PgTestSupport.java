package org.chempark.telemetry.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.PointType;
import org.chempark.core.db.internal.JdbcSchemaMigrator;

/** A real PostgreSQL (zonky, fsync and synchronous commit on, as in the platform) with a pooled DataSource. */
final class PgTestSupport implements AutoCloseable {
    final EmbeddedPostgres pg;
    final HikariDataSource ds;
    final JdbcSchemaMigrator migrator;

    PgTestSupport(Path dir) throws Exception {
        Files.createDirectories(dir);
        pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data")).setOverrideWorkingDirectory(dir.resolve("bin").toFile())
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
        HikariConfig hc = new HikariConfig();
        hc.setDataSource(pg.getPostgresDatabase());
        hc.setMaximumPoolSize(8);
        ds = new HikariDataSource(hc);
        migrator = new JdbcSchemaMigrator(ds);
    }

    DataSource dataSource() {
        return ds;
    }

    /** Empties the telemetry tables between tests. */
    void truncate() throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE telemetry.reading, telemetry.latest_value, telemetry.alarm, telemetry.alarm_event, telemetry.dead_letter, "
                    + "telemetry.unknown_point");
        }
    }

    long count(String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<List<Object>> rows(String sql) throws Exception {
        List<List<Object>> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    static MonitoringPoint point(long id, String code, PointType type, Double low, Double high, Double ll, Double l, Double h, Double hh,
            long unitId, long enterpriseId) {
        return new MonitoringPoint(id, 1000 + id, code, code + " name", type, "u", low, high, ll, l, h, hh, null, Map.of(), 1, unitId,
                enterpriseId);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() throws Exception {
        ds.close();
        pg.close();
    }
}
