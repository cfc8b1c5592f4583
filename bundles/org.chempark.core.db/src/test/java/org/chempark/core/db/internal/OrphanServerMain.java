package org.chempark.core.db.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/** Child process for {@link KilledPlatformTest}: starts the server, commits a row, signals, waits to be killed. */
public final class OrphanServerMain {
    private OrphanServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path bin = Path.of(args[1]);
        Path ready = Path.of(args[2]);
        EmbeddedServer server = EmbeddedServer.start(data, bin, 0);
        try (var pool = DatabaseManager.createPool(server.jdbcUrl(), server.user(), "", 2);
                Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE acknowledged (v text)");
            st.execute("INSERT INTO acknowledged VALUES ('committed before kill -9')");
        }
        Files.writeString(ready, Integer.toString(server.port()));
        Thread.sleep(120_000);
    }
}
