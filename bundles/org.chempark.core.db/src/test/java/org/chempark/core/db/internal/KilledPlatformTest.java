package org.chempark.core.db.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform JVM is killed with SIGKILL while its embedded PostgreSQL runs: the next start
 * must stop the orphaned server, start again on the same data, and still have every row that
 * was committed before the kill.
 */
class KilledPlatformTest {
    @TempDir
    Path dir;

    @Test
    void restartsAfterKillNineWithCommittedDataIntact() throws Exception {
        Path data = dir.resolve("data");
        Path bin = dir.resolve("bin");
        Path ready = dir.resolve("ready");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OrphanServerMain.class.getName(),
                data.toString(), bin.toString(), ready.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(ready) && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(100);
        }
        assertThat(Files.exists(ready)).as("child started its server; log: %s", dir.resolve("child.log")).isTrue();
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, the postmaster is orphaned
        child.waitFor(10, TimeUnit.SECONDS);
        assertThat(Files.exists(data.resolve("postmaster.pid"))).as("the orphaned server still holds the data directory").isTrue();

        EmbeddedServer server = EmbeddedServer.start(data, bin, 0);
        try (var pool = DatabaseManager.createPool(server.jdbcUrl(), server.user(), "", 2);
                Connection c = pool.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT v FROM acknowledged")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("committed before kill -9");
        } finally {
            server.close();
        }
    }
}
