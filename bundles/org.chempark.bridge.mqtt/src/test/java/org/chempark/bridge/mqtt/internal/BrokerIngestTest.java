package org.chempark.bridge.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.apache.activemq.artemis.core.protocol.mqtt.MQTTProtocolManagerFactory;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingSink;
import org.chempark.sdk.telemetry.SourceStatus;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real embedded Artemis broker with the real Paho MQTT client: device credentials, topic
 * ACL, QoS 0/1 ingest, dead letters, redelivery when the sink fails and across a broker restart.
 * The sink here records what it is given (the telemetry module's PostgreSQL sink is tested there).
 */
class BrokerIngestTest {
    @TempDir
    Path dir;
    private final DeviceRegistry registry = new DeviceRegistry();
    private final RecordingSink sink = new RecordingSink();
    private final String secret1 = Secrets.generate();
    private final String secret2 = Secrets.generate();
    private BrokerRuntime broker;
    private IngestLoop loop;
    private int port;

    /** Stores readings in memory; fails the first {@code failures} submits. */
    static final class RecordingSink implements ReadingSink {
        final ConcurrentLinkedQueue<Reading> readings = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> deadLetters = new ConcurrentLinkedQueue<>();
        final AtomicInteger failures = new AtomicInteger();

        @Override
        public CompletionStage<IngestReceipt> submit(List<Reading> batch) {
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return CompletableFuture.failedFuture(new IllegalStateException("database down"));
            }
            readings.addAll(batch);
            return CompletableFuture.completedFuture(new IngestReceipt(batch.size(), 0, 0));
        }

        @Override
        public void rejectPayload(String source, String reason, byte[] payload) {
            deadLetters.add(source + "|" + reason + "|" + new String(payload, StandardCharsets.UTF_8));
        }
    }

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        registry.put(new DeviceRegistry.Device("gw-1", 7, "gateway 1", true, Secrets.hash(secret1)));
        registry.put(new DeviceRegistry.Device("gw-2", 8, "gateway 2", true, Secrets.hash(secret2)));
        registry.put(new DeviceRegistry.Device("gw-off", 8, "disabled", false, Secrets.hash(secret2)));
        startBroker();
    }

    private void startBroker() throws Exception {
        broker = new BrokerRuntime(new BrokerRuntime.Settings("127.0.0.1", port, dir, true, 0), registry,
                List.of(new MQTTProtocolManagerFactory()));
        broker.start();
    }

    private void startLoop() {
        loop = new IngestLoop(broker, sink, registry, new IngestLoop.Tuning(2, 500, 10_000, 5, 10));
        loop.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (loop != null) {
            loop.close();
        }
        broker.close();
    }

    private MqttClient connect(String user, String password) throws MqttException {
        MqttClient c = new MqttClient("tcp://127.0.0.1:" + port, user + "-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(user);
        if (password != null) {
            o.setPassword(password.toCharArray());
        }
        o.setCleanSession(true);
        o.setConnectionTimeout(10);
        c.connect(o);
        return c;
    }

    private static void publish(MqttClient c, String topic, String json, int qos) throws MqttException {
        c.publish(topic, json.getBytes(StandardCharsets.UTF_8), qos, false);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void qos0AndQos1ReadingsReachTheSinkWithTheDeviceAsSource() throws Exception {
        startLoop();
        MqttClient c = connect("gw-1", secret1);
        assertThat(registry.status("gw-1").state()).isEqualTo(SourceStatus.State.ONLINE);
        publish(c, "chempark/v1/gw-1/readings", "{\"readings\":[{\"point\":\"E01-LT-1101\",\"value\":3.42},{\"point\":\"E01-LT-1102\",\"value\":1}]}", 1);
        publish(c, "chempark/v1/gw-1/readings", "{\"point\":\"E01-LT-1103\",\"value\":5,\"ts\":1795860000000}", 0);
        await("3 readings", () -> sink.readings.size() == 3);
        assertThat(sink.readings).extracting(Reading::pointId).containsExactlyInAnyOrder("E01-LT-1101", "E01-LT-1102", "E01-LT-1103");
        assertThat(sink.readings).extracting(Reading::source).containsOnly("mqtt:gw-1");
        await("count", () -> registry.status("gw-1").readings() == 3);
        await("acknowledged", () -> broker.backlog() == 0);
        assertThat(registry.status("gw-1").lastReading()).isNotNull();
        c.disconnect();
        c.close();
        await("offline", () -> registry.status("gw-1").state() == SourceStatus.State.OFFLINE);
        assertThat(registry.status("gw-1").reason()).isNotBlank();
    }

    @Test
    void wrongSecretUnknownDeviceDisabledDeviceAndAnonymousAreRefused() {
        assertThat(catchThrowable(() -> connect("gw-1", secret2))).isInstanceOf(MqttSecurityException.class);
        assertThat(catchThrowable(() -> connect("nobody", secret1))).isInstanceOf(MqttSecurityException.class);
        assertThat(catchThrowable(() -> connect("gw-off", secret2))).isInstanceOf(MqttSecurityException.class);
        assertThat(catchThrowable(() -> connect("gw-1", null))).isInstanceOf(MqttException.class);
        assertThat(registry.status("gw-1").state()).isEqualTo(SourceStatus.State.OFFLINE);
        assertThat(registry.status("gw-off").state()).isEqualTo(SourceStatus.State.DISABLED);
    }

    @Test
    void disablingADeviceDropsItsConnection() throws Exception {
        MqttClient c = connect("gw-2", secret2);
        assertThat(registry.status("gw-2").state()).isEqualTo(SourceStatus.State.ONLINE);
        registry.put(new DeviceRegistry.Device("gw-2", 8, "gateway 2", false, Secrets.hash(secret2)));
        registry.disconnectAll("gw-2", "disabled in its configuration");
        await("client dropped", () -> !c.isConnected());
        assertThat(registry.status("gw-2").state()).isEqualTo(SourceStatus.State.DISABLED);
        assertThat(catchThrowable(() -> connect("gw-2", secret2))).isInstanceOf(MqttSecurityException.class);
    }

    @Test
    void aDeviceCannotPublishToAnotherDevicesTopic() throws Exception {
        startLoop();
        MqttClient c = connect("gw-1", secret1);
        // MQTT 3.1.1 has no negative PUBACK: the broker drops the connection instead
        assertThatThrownBy(() -> publish(c, "chempark/v1/gw-2/readings", "{\"point\":\"X\",\"value\":1}", 1))
                .isInstanceOf(MqttException.class);
        MqttClient c2 = connect("gw-1", secret1);
        assertThatThrownBy(() -> publish(c2, "other/topic", "{\"point\":\"X\",\"value\":1}", 1)).isInstanceOf(MqttException.class);
        MqttClient c3 = connect("gw-2", secret2);
        publish(c3, "chempark/v1/gw-2/readings", "{\"point\":\"OK\",\"value\":1}", 1);
        await("gw-2 reading", () -> sink.readings.size() == 1);
        Thread.sleep(300);
        assertThat(sink.readings).extracting(Reading::pointId).containsExactly("OK");
        c3.disconnect();
    }

    @Test
    void malformedPayloadsGoToTheDeadLetterStoreWithTheirReason() throws Exception {
        startLoop();
        MqttClient c = connect("gw-1", secret1);
        publish(c, "chempark/v1/gw-1/readings", "{\"readings\":[{\"value\":1}]}", 1);
        publish(c, "chempark/v1/gw-1/readings", "garbage", 1);
        publish(c, "chempark/v1/gw-1/readings", "{\"point\":\"GOOD-1\",\"value\":1}", 1);
        await("dead letters", () -> sink.deadLetters.size() == 2 && sink.readings.size() == 1);
        assertThat(sink.deadLetters).anySatisfy(d -> assertThat(d).startsWith("mqtt:gw-1|readings[0].point is missing|"));
        assertThat(sink.deadLetters).anySatisfy(d -> assertThat(d).contains("invalid JSON").endsWith("|garbage"));
        assertThat(loop.deadLetters()).isEqualTo(2);
        assertThat(registry.state("gw-1").rejected()).isEqualTo(2);
        c.disconnect();
    }

    @Test
    void readingsAreDeliveredAgainWhenTheSinkFails() throws Exception {
        sink.failures.set(3);
        startLoop();
        MqttClient c = connect("gw-1", secret1);
        for (int i = 0; i < 20; i++) {
            publish(c, "chempark/v1/gw-1/readings", "{\"point\":\"P-" + i + "\",\"value\":" + i + "}", 1);
        }
        await("all 20 after the sink recovered", () -> sink.readings.stream().map(Reading::pointId).distinct().count() == 20);
        assertThat(loop.sinkFailures()).isEqualTo(3);
        await("acknowledged", () -> broker.backlog() == 0);
        c.disconnect();
    }

    @Test
    void acknowledgedMessagesSurviveABrokerRestartBeforeIngest() throws Exception {
        MqttClient c = connect("gw-1", secret1);
        for (int i = 0; i < 100; i++) {
            publish(c, "chempark/v1/gw-1/readings", "{\"point\":\"R-" + i + "\",\"value\":" + i + "}", 1);
        }
        c.disconnect();
        c.close();
        assertThat(broker.backlog()).isEqualTo(100);
        broker.close();
        startBroker();
        assertThat(broker.backlog()).isEqualTo(100);
        startLoop();
        await("100 readings after restart", () -> sink.readings.size() == 100);
        await("queue drained: every message acknowledged", () -> broker.backlog() == 0);
    }

    /** Counts the acknowledgement packets the ingest consumers send to the broker. */
    private AckCounter countAcks() {
        AckCounter counter = new AckCounter();
        broker.server().getRemotingService().addIncomingInterceptor(counter);
        return counter;
    }

    static final class AckCounter implements org.apache.activemq.artemis.api.core.Interceptor {
        final AtomicInteger cumulative = new AtomicInteger();
        final AtomicInteger individual = new AtomicInteger();

        @Override
        public boolean intercept(org.apache.activemq.artemis.core.protocol.core.Packet packet,
                org.apache.activemq.artemis.spi.core.protocol.RemotingConnection connection) {
            if (packet instanceof org.apache.activemq.artemis.core.protocol.core.impl.wireformat.SessionIndividualAcknowledgeMessage) {
                individual.incrementAndGet();
            } else if (packet instanceof org.apache.activemq.artemis.core.protocol.core.impl.wireformat.SessionAcknowledgeMessage) {
                cumulative.incrementAndGet();
            }
            return true;
        }
    }

    @Test
    void aBatchIsAcknowledgedWithOnePacketNotOnePerMessage() throws Exception {
        AckCounter acks = countAcks();
        MqttClient c = connect("gw-1", secret1);
        for (int i = 0; i < 300; i++) {
            publish(c, "chempark/v1/gw-1/readings", "{\"point\":\"B-" + i + "\",\"value\":" + i + "}", 1);
        }
        c.disconnect();
        startLoop();
        await("300 readings", () -> sink.readings.size() == 300);
        await("queue drained: every message acknowledged", () -> broker.backlog() == 0);
        assertThat(acks.individual.get()).isZero();
        // batches of at most 500 messages, two workers: at least one acknowledgement, far fewer than 300
        assertThat(acks.cumulative.get()).isBetween(1, 30);
    }

    @Test
    void messagesOfAnotherPriorityAreStillAcknowledgedEachOne() throws Exception {
        // as journaled by a broker without the DefaultPriority plugin (MQTT messages get priority 0)
        DefaultPriority plugin = (DefaultPriority) broker.server().getBrokerPlugins().stream()
                .filter(DefaultPriority.class::isInstance).findFirst().orElseThrow();
        broker.server().unRegisterBrokerPlugin(plugin);
        MqttClient c = connect("gw-1", secret1);
        for (int i = 0; i < 20; i++) {
            publish(c, "chempark/v1/gw-1/readings", "{\"point\":\"OLD-" + i + "\",\"value\":" + i + "}", 1);
        }
        broker.server().registerBrokerPlugin(plugin);
        for (int i = 0; i < 20; i++) {
            publish(c, "chempark/v1/gw-1/readings", "{\"point\":\"NEW-" + i + "\",\"value\":" + i + "}", 1);
        }
        c.disconnect();
        AckCounter acks = countAcks();
        startLoop();
        await("40 readings", () -> sink.readings.size() == 40);
        await("queue drained: every message acknowledged", () -> broker.backlog() == 0);
        assertThat(acks.individual.get()).isGreaterThanOrEqualTo(20);
    }
}
