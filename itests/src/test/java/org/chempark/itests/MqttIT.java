package org.chempark.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.OptionUtils.combine;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingSink;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * R-X.1, R-X.4 (MQTT device access): the distribution's broker with devices created through the
 * REST API and the real Paho client publishing QoS 0/1 with device credentials; wrong secrets
 * and other devices' topics refused; readings handed to the ingest pipeline with their source;
 * malformed payloads in the dead letters with their reason; status in the API and the shell;
 * the feature uninstalled and installed again while the platform runs.
 *
 * <p>The test registers a recording {@code ReadingSink} ranked above the telemetry module's, so it
 * sees exactly what the bridge hands over (the bridge takes the highest ranked sink).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MqttIT extends ChemParkTestSupport {
    static final String FEATURE = "chempark-mqtt";

    @Inject
    FeaturesService features;

    private ServiceRegistration<ReadingSink> sinkRegistration;
    private final RecordingSink sink = new RecordingSink();

    static final class RecordingSink implements ReadingSink {
        final ConcurrentLinkedQueue<Reading> readings = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> deadLetters = new ConcurrentLinkedQueue<>();

        @Override
        public CompletionStage<IngestReceipt> submit(List<Reading> batch) {
            readings.addAll(batch);
            return CompletableFuture.completedFuture(new IngestReceipt(batch.size(), 0, 0));
        }

        @Override
        public void rejectPayload(String source, String reason, byte[] payload) {
            deadLetters.add(source + "|" + reason);
        }
    }

    @Override
    @Configuration
    public Option[] config() {
        return combine(super.config(), mavenBundle("org.eclipse.paho", "org.eclipse.paho.client.mqttv3").versionAsInProject());
    }

    @After
    public void unregisterSink() {
        if (sinkRegistration != null) {
            sinkRegistration.unregister();
        }
    }

    private int mqttPort() {
        return Integer.parseInt(System.getProperty("chempark.itest.mqtt.port"));
    }

    private MqttClient connect(String user, String secret) throws MqttException {
        MqttClient c = new MqttClient("tcp://127.0.0.1:" + mqttPort(), user + "-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(user);
        o.setPassword(secret.toCharArray());
        o.setConnectionTimeout(10);
        c.connect(o);
        return c;
    }

    private MqttClient connectWhenReady(String user, String secret) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return connect(user, secret);
            } catch (MqttException e) {
                // the configuration reaches the broker asynchronously
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private String createDevice(String id) throws Exception {
        HttpResponse<String> r = post(API + "/mqtt/devices", "application/json",
                ("{\"deviceId\":\"" + id + "\",\"description\":\"itest gateway\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(r.body(), 201, r.statusCode());
        r = post(API + "/mqtt/devices/" + id + "/secret", "application/json", new byte[0]);
        assertEquals(r.body(), 200, r.statusCode());
        JsonNode s = json(r);
        assertEquals("chempark/v1/" + id + "/readings", s.path("topic").asText());
        return s.path("secret").asText();
    }

    private static void publish(MqttClient c, String topic, String json, int qos) throws MqttException {
        c.publish(topic, json.getBytes(StandardCharsets.UTF_8), qos, false);
    }

    @Test
    public void devicesPublishWithTheirOwnCredentialsOnly() throws Exception {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, 1000);
        sinkRegistration = bundleContext.registerService(ReadingSink.class, sink, props);
        await("ingest running", Duration.ofSeconds(30), () -> answers(API + "/mqtt/status", j -> "RUNNING".equals(j.path("ingest").asText())));

        String secret1 = createDevice("it-gw-1");
        String secret2 = createDevice("it-gw-2");
        assertProblem(409, post(API + "/mqtt/devices", "application/json", "{\"deviceId\":\"it-gw-1\"}".getBytes(StandardCharsets.UTF_8)));
        assertProblem(422, post(API + "/mqtt/devices", "application/json", "{\"deviceId\":\"bad/id+#\"}".getBytes(StandardCharsets.UTF_8)));
        assertProblem(404, post(API + "/mqtt/devices/no-such/secret", "application/json", new byte[0]));
        assertFalse("the secret is never listed", get(API + "/mqtt/devices/it-gw-1").body().contains(secret1));

        MqttClient c1 = connectWhenReady("it-gw-1", secret1);
        await("it-gw-1 ONLINE", Duration.ofSeconds(10), () -> answers(API + "/mqtt/devices/it-gw-1", j -> "ONLINE".equals(j.path("state").asText())));
        publish(c1, "chempark/v1/it-gw-1/readings", "{\"readings\":[{\"point\":\"IT-LT-1\",\"value\":1.5,\"ts\":\"2026-11-28T10:00:00Z\"},{\"point\":\"IT-LT-2\",\"value\":2}]}", 1);
        publish(c1, "chempark/v1/it-gw-1/readings", "{\"point\":\"IT-LT-3\",\"value\":3}", 0);
        publish(c1, "chempark/v1/it-gw-1/readings", "{\"readings\":[{\"point\":\"IT-LT-4\",\"value\":\"high\"}]}", 1);
        await("3 readings and 1 dead letter", Duration.ofSeconds(20), () -> sink.readings.size() == 3 && sink.deadLetters.size() == 1);
        assertTrue(sink.readings.stream().allMatch(r -> r.source().equals("mqtt:it-gw-1")));
        assertEquals("mqtt:it-gw-1|readings[0].value must be a number", sink.deadLetters.peek());
        await("status counts", Duration.ofSeconds(10), () -> answers(API + "/mqtt/devices/it-gw-1",
                j -> j.path("readings").asLong() == 3 && j.path("deadLetters").asLong() == 1 && !j.path("lastReading").isNull()));
        assertTrue(executeCommand("chempark:mqtt-devices").contains("it-gw-1"));

        // another device's topic: no PUBACK, connection closed, nothing delivered
        try {
            publish(c1, "chempark/v1/it-gw-2/readings", "{\"point\":\"STOLEN\",\"value\":1}", 1);
            fail("publishing to another device's topic was accepted");
        } catch (MqttException expected) {
            // refused
        }
        try {
            connect("it-gw-1", secret2);
            fail("wrong secret accepted");
        } catch (MqttSecurityException expected) {
            // refused
        }
        try {
            connect("admin", "admin");
            fail("a console account was accepted");
        } catch (MqttSecurityException expected) {
            // refused
        }
        Thread.sleep(500);
        assertTrue(sink.readings.stream().noneMatch(r -> r.pointId().equals("STOLEN")));

        // the protocol feature goes and comes back; the platform keeps answering; devices stay configured
        MqttClient c2 = connect("it-gw-2", secret2);
        EnumSet<FeaturesService.Option> noRefresh = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
        features.uninstallFeature(FEATURE, noRefresh);
        await("broker port closed", Duration.ofSeconds(30), () -> !listening(mqttPort()));
        assertEquals(200, get(API + "/health").statusCode());
        features.installFeature(FEATURE, noRefresh);
        MqttClient c3 = connectWhenReady("it-gw-2", secret2);
        publish(c3, "chempark/v1/it-gw-2/readings", "{\"point\":\"IT-AFTER\",\"value\":9}", 1);
        await("reading after reinstall", Duration.ofSeconds(30), () -> sink.readings.stream().anyMatch(r -> r.pointId().equals("IT-AFTER")));
        assertNotNull(c2);

        // without the recording sink the telemetry module's own (PostgreSQL) takes over: dead letters, unknown points, sources
        sinkRegistration.unregister();
        sinkRegistration = null;
        publish(c3, "chempark/v1/it-gw-2/readings", "not json at all", 1);
        publish(c3, "chempark/v1/it-gw-2/readings", "{\"point\":\"IT-UNKNOWN-9\",\"value\":1}", 1);
        await("dead letter stored by telemetry", Duration.ofSeconds(30),
                () -> get(API + "/telemetry/dead-letters?source=mqtt:it-gw-2").body().contains("invalid JSON"));
        await("unknown point listed by telemetry", Duration.ofSeconds(30),
                () -> get(API + "/telemetry/unknown-points").body().contains("IT-UNKNOWN-9"));
        assertTrue(get(API + "/telemetry/sources").body().contains("mqtt:it-gw-1"));
        c3.disconnect();

        // a device of an enterprise delivers only that enterprise's points: another enterprise's point is a dead letter
        JsonNode own = null, foreign = null;
        for (JsonNode p : json(get(API + "/telemetry/latest"))) {
            if (!p.hasNonNull("enterpriseId")) {
                continue;
            }
            if (own == null) {
                own = p;
            } else if (foreign == null && p.path("enterpriseId").asLong() != own.path("enterpriseId").asLong()) {
                foreign = p;
            }
        }
        assertNotNull("demo points of two enterprises", foreign);
        HttpResponse<String> created = post(API + "/mqtt/devices", "application/json", ("{\"deviceId\":\"it-gw-ent\",\"enterpriseId\":"
                + own.path("enterpriseId").asLong() + ",\"description\":\"enterprise gateway\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(created.body(), 201, created.statusCode());
        String secret = json(post(API + "/mqtt/devices/it-gw-ent/secret", "application/json", new byte[0])).path("secret").asText();
        MqttClient c4 = connectWhenReady("it-gw-ent", secret);
        String ownCode = own.path("pointCode").asText(), foreignCode = foreign.path("pointCode").asText();
        java.time.Instant ts = java.time.Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        publish(c4, "chempark/v1/it-gw-ent/readings", "{\"readings\":[{\"point\":\"" + ownCode + "\",\"value\":1.25,\"ts\":\"" + ts + "\"},"
                + "{\"point\":\"" + foreignCode + "\",\"value\":1.25,\"ts\":\"" + ts + "\"}]}", 1);
        await("the foreign point is a dead letter", Duration.ofSeconds(30),
                () -> get(API + "/telemetry/dead-letters?source=mqtt:it-gw-ent").body().contains("point of another enterprise: " + foreignCode));
        String range = "&from=" + ts + "&to=" + ts.plusSeconds(1);
        String stored = get(API + "/telemetry/history?points=" + ownCode + range).body();
        assertTrue(stored, stored.contains("1.25"));
        String notStored = get(API + "/telemetry/history?points=" + foreignCode + range).body();
        assertFalse(notStored, notStored.contains("1.25"));
        c4.disconnect();
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
