package org.chempark.core.db.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;
import org.chempark.sdk.health.HealthStatus;
import org.chempark.sdk.persistence.MigrationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real embedded PostgreSQL server. */
class EmbeddedDatabaseTest {
    @TempDir
    static Path dir;
    static EmbeddedServer server;
    static HikariDataSource pool;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedServer.start(dir.resolve("data"), dir.resolve("bin"), 0);
        pool = DatabaseManager.createPool(server.jdbcUrl(), server.user(), "", 4);
    }

    @AfterAll
    static void stop() throws Exception {
        pool.close();
        server.close();
    }

    @Test
    void durabilitySettingsAreOn() throws Exception {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            assertThat(show(st, "fsync")).isEqualTo("on");
            assertThat(show(st, "synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void migratesOnceInOrderAndRecordsHistory() throws Exception {
        JdbcSchemaMigrator m = new JdbcSchemaMigrator(pool);
        ClassLoader cl = getClass().getClassLoader();
        assertThat(m.migrate("mtest", cl, "db/test", "V2__add_colour.sql", "V1__create_things.sql")).isEqualTo(2);
        // idempotent
        assertThat(m.migrate("mtest", cl, "db/test", "V1__create_things.sql", "V2__add_colour.sql")).isEqualTo(2);
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT colour FROM mtest.thing WHERE name = 'tank'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("RED");
        }
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM mtest.schema_history")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void failedMigrationRollsBackWholly() throws Exception {
        JdbcSchemaMigrator m = new JdbcSchemaMigrator(pool);
        ClassLoader cl = getClass().getClassLoader();
        assertThatThrownBy(() -> m.migrate("mbroken", cl, "db/test", "V1__create_things.sql", "V2__add_colour.sql", "V3__broken.sql"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V3__broken.sql")
                .hasMessageContaining("rolled back");
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.columns "
                        + "WHERE table_schema = 'mbroken' AND table_name = 'thing' AND column_name = 'weight'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the half of V3 that worked is rolled back").isZero();
        }
    }

    @Test
    void editedMigrationIsRefused() throws Exception {
        JdbcSchemaMigrator m = new JdbcSchemaMigrator(pool);
        Path res = dir.resolve("res/db/edit");
        Files.createDirectories(res);
        Files.writeString(res.resolve("V1__t.sql"), "CREATE TABLE t (id int);");
        ClassLoader cl = new java.net.URLClassLoader(new java.net.URL[] { dir.resolve("res").toUri().toURL() }, null);
        m.migrate("medit", cl, "db/edit", "V1__t.sql");
        Files.writeString(res.resolve("V1__t.sql"), "CREATE TABLE t (id bigint);");
        ClassLoader cl2 = new java.net.URLClassLoader(new java.net.URL[] { dir.resolve("res").toUri().toURL() }, null);
        assertThatThrownBy(() -> m.migrate("medit", cl2, "db/edit", "V1__t.sql"))
                .isInstanceOf(MigrationException.class).hasMessageContaining("was changed after it ran");
    }

    @Test
    void badNamesAreRefused() {
        JdbcSchemaMigrator m = new JdbcSchemaMigrator(pool);
        assertThatThrownBy(() -> m.migrate("Bad-Schema", getClass().getClassLoader(), "db/test", "V1__create_things.sql"))
                .isInstanceOf(MigrationException.class).hasMessageContaining("schema name");
        assertThatThrownBy(() -> m.migrate("ok", getClass().getClassLoader(), "db/test", "create.sql"))
                .isInstanceOf(MigrationException.class).hasMessageContaining("V<number>__");
    }

    @Test
    void healthReportsUpWithLatency() {
        HealthStatus h = new DatabaseHealth(pool).check();
        assertThat(h.status()).isEqualTo(HealthStatus.Status.UP);
        assertThat(h.metrics()).containsKeys("latencyMs", "serverVersion");
    }

    @Test
    void dataSurvivesRestart() throws Exception {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS survive (v text)");
            st.execute("INSERT INTO survive VALUES ('kept')");
        }
        pool.close();
        int port = server.port();
        server.close();
        server = EmbeddedServer.start(dir.resolve("data"), dir.resolve("bin"), port);
        pool = DatabaseManager.createPool(server.jdbcUrl(), server.user(), "", 4);
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT v FROM survive")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
        }
    }

    private static String show(Statement st, String setting) throws Exception {
        try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
