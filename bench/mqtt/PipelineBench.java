import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.activemq.artemis.core.protocol.mqtt.MQTTProtocolManagerFactory;
import org.chempark.bridge.mqtt.internal.BrokerRuntime;
import org.chempark.bridge.mqtt.internal.DeviceRegistry;
import org.chempark.bridge.mqtt.internal.IngestLoop;
import org.chempark.bridge.mqtt.internal.Secrets;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingSink;
import org.postgresql.PGConnection;

/**
 * The MQTT bridge's own pipeline for bench/mqtt-ingest.sh: the platform's broker (BrokerRuntime:
 * device authentication, ACL, synced journal) and IngestLoop (parse, submit, acknowledge after the
 * stage completed), with a bench sink that COPYs every batch into PostgreSQL and commits
 * (synchronous_commit on) before completing. It stands in for the telemetry module's ReadingSink,
 * which this branch does not have; limits are not evaluated here.
 *
 *   java -cp <bundle, sdk, artemis, pgjdbc> PipelineBench.java <port> <data dir> <jdbc url> <devices> <credentials out> <seconds>
 *
 * Prints "durable N" every second and a final "RESULT durable_total=…" line. seconds 0: run until
 * killed; -Dkeep=true: keep the table of an earlier run (itests/kill9/run.sh restarts it).
 */
public class PipelineBench {
    static final class CopySink implements ReadingSink {
        final String url;
        final AtomicLong durable = new AtomicLong();
        final ThreadLocal<Connection> conn = new ThreadLocal<>();

        CopySink(String url) throws Exception {
            this.url = url;
            try (Connection c = DriverManager.getConnection(url)) {
                if (!Boolean.getBoolean("keep")) {
                    c.createStatement().execute("DROP TABLE IF EXISTS bench_reading");
                }
                c.createStatement().execute("CREATE TABLE IF NOT EXISTS bench_reading(point text NOT NULL, ts timestamptz NOT NULL, value double precision, quality smallint NOT NULL, source text NOT NULL)");
            }
        }

        private Connection c() throws Exception {
            Connection c = conn.get();
            if (c == null) {
                c = DriverManager.getConnection(url);
                conn.set(c);
            }
            return c;
        }

        @Override
        public CompletionStage<IngestReceipt> submit(List<Reading> readings) {
            try {
                StringBuilder sb = new StringBuilder(readings.size() * 64);
                for (Reading r : readings) {
                    sb.append(r.pointId()).append('\t').append(r.timestamp()).append('\t')
                            .append(Double.isNaN(r.value()) ? "\\N" : Double.toString(r.value())).append('\t')
                            .append(r.quality().ordinal()).append('\t').append(r.source()).append('\n');
                }
                ((PGConnection) c().unwrap(PGConnection.class)).getCopyAPI().copyIn(
                        "COPY bench_reading FROM STDIN", new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)));
                durable.addAndGet(readings.size());
                return CompletableFuture.completedFuture(new IngestReceipt(readings.size(), 0, 0));
            } catch (Exception e) {
                conn.remove();
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public void rejectPayload(String source, String reason, byte[] payload) {
            System.err.println("dead letter " + source + ": " + reason);
        }
    }

    public static void main(String[] a) throws Exception {
        int port = Integer.parseInt(a[0]);
        Path dir = Path.of(a[1]);
        CopySink sink = new CopySink(a[2]);
        int devices = Integer.parseInt(a[3]);
        int seconds = Integer.parseInt(a[5]);
        DeviceRegistry registry = new DeviceRegistry();
        String secret = Secrets.generate();
        String hash = Secrets.hash(secret);
        StringBuilder creds = new StringBuilder();
        for (int i = 0; i < devices; i++) {
            registry.put(new DeviceRegistry.Device("d-" + i, 0, "bench", true, hash));
            creds.append("d-").append(i).append('=').append(secret).append('\n');
        }
        Files.writeString(Path.of(a[4]), creds);
        BrokerRuntime broker = new BrokerRuntime(new BrokerRuntime.Settings("127.0.0.1", port, dir, true, 0), registry,
                List.of(new MQTTProtocolManagerFactory()));
        broker.start();
        IngestLoop.Tuning d = IngestLoop.Tuning.defaults();
        int workers = Integer.parseInt(System.getProperty("workers", String.valueOf(d.workers())));
        IngestLoop loop = new IngestLoop(broker, sink, registry, new IngestLoop.Tuning(workers, d.maxMessages(), d.maxReadings(), d.lingerMillis(), 60));
        loop.start();
        System.out.println("pipeline MQTT on 127.0.0.1:" + port + " workers " + workers + " READY");
        long prev = 0;
        for (int s = 1; seconds == 0 || s <= seconds; s++) {
            Thread.sleep(1000);
            long now = sink.durable.get();
            System.out.println("durable " + (now - prev) + " backlog_msgs " + broker.backlog());
            prev = now;
        }
        System.out.println("RESULT durable_total=" + sink.durable.get() + " dead_letters=" + loop.deadLetters());
        loop.close();
        broker.close();
        System.exit(0);
    }
}
