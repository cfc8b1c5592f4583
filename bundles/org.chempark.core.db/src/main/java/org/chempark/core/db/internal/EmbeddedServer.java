package org.chempark.core.db.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (binaries from Maven Central) with its data in a directory that
 * survives restarts. Durability settings are forced on: zonky's defaults (fsync and
 * synchronous_commit off) would lose acknowledged data on a crash.
 */
final class EmbeddedServer implements AutoCloseable {
    static final String DATABASE = "chempark";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts the server on {@code port} (0 = a free port) with data in {@code dataDir}.
     * A server left running by a killed platform is stopped first.
     */
    static EmbeddedServer start(Path dataDir, Path binDir, int port) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        Files.createDirectories(binDir);
        stopOrphan(dataDir);
        int chosen = port > 0 ? port : freePort();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binDir.toFile())
                .setPort(chosen)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("timezone", "UTC")
                .start();
        EmbeddedServer server = new EmbeddedServer(pg);
        server.ensureDatabase();
        return server;
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    String user() {
        return "postgres";
    }

    private void ensureDatabase() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, DATABASE);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    try (Statement st = c.createStatement()) {
                        st.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
                    }
                    LOG.info("Created database '{}' in the embedded PostgreSQL", DATABASE);
                }
            }
        }
    }

    /** A postmaster whose platform was killed (kill -9) still holds the data directory. */
    private static void stopOrphan(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
        Optional<ProcessHandle> orphan;
        try {
            orphan = ProcessHandle.of(Long.parseLong(first));
        } catch (NumberFormatException e) {
            orphan = Optional.empty();
        }
        if (orphan.isPresent() && orphan.get().isAlive()
                && orphan.get().info().command().map(cmd -> cmd.endsWith("postgres")).orElse(false)) {
            LOG.info("Stopping PostgreSQL (pid {}) left running by a previous platform process", first);
            ProcessHandle h = orphan.get();
            h.destroy(); // SIGTERM: smart shutdown; its clients died with the old platform
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (h.isAlive() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
