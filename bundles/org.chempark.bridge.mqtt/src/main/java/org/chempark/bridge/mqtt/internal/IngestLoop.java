package org.chempark.bridge.mqtt.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes messages from the broker's ingest queue, parses them, hands the readings to the
 * {@link ReadingSink} and acknowledges the messages (one transacted commit per batch) only after
 * the sink's stage completed: a kill -9 at any moment leaves every unacknowledged message in the
 * journal, to be delivered again. Malformed payloads go to the sink's dead-letter store and are
 * acknowledged. Several workers, each with its own session, take batches in parallel.
 */
public final class IngestLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestLoop.class);
    /** Acknowledgements are sent with a batch's commit, never on their own. */
    private static final int ACK_BATCH_BYTES = Integer.MAX_VALUE;

    /** Tuning: workers (sessions), most messages and readings per batch, longest wait to fill a batch. */
    public record Tuning(int workers, int maxMessages, int maxReadings, long lingerMillis, long sinkTimeoutSeconds) {
        public static Tuning defaults() {
            return new Tuning(4, 1000, 20_000, 10, 120);
        }
    }

    private final BrokerRuntime broker;
    private final ReadingSink sink;
    private final DeviceRegistry registry;
    private final Tuning tuning;
    private final PayloadParser parser = new PayloadParser();
    private final Clock clock = Clock.systemUTC();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong readings = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong sinkFailures = new AtomicLong();
    private volatile boolean running = true;
    private ServerLocator locator;

    public IngestLoop(BrokerRuntime broker, ReadingSink sink, DeviceRegistry registry, Tuning tuning) {
        this.broker = broker;
        this.sink = sink;
        this.registry = registry;
        this.tuning = tuning;
    }

    public void start() {
        locator = broker.inVmLocator();
        locator.setConsumerWindowSize(8 * 1024 * 1024);
        locator.setBlockOnAcknowledge(false);
        for (int i = 0; i < tuning.workers(); i++) {
            Thread t = new Thread(this::work, "chempark-mqtt-ingest-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    public long messages() {
        return messages.get();
    }

    public long readings() {
        return readings.get();
    }

    public long deadLetters() {
        return deadLetters.get();
    }

    public long sinkFailures() {
        return sinkFailures.get();
    }

    private void work() {
        long backoff = 100;
        while (running) {
            try (ClientSessionFactory sf = locator.createSessionFactory();
                    ClientSession session = sf.createSession(broker.platformUser(), broker.platformPassword(), false, true,
                            false, false, ACK_BATCH_BYTES);
                    ClientConsumer consumer = session.createConsumer(BrokerRuntime.INGEST_QUEUE)) {
                session.start();
                backoff = 100;
                while (running) {
                    if (!batch(session, consumer)) {
                        // the sink failed: messages go back to the queue; wait before trying again
                        Thread.sleep(backoff);
                        backoff = Math.min(backoff * 2, 10_000);
                    } else {
                        backoff = 100;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (running) {
                    LOG.warn("MQTT ingest worker lost its broker session ({}); reconnecting in {} ms", e.toString(), backoff);
                    try {
                        Thread.sleep(backoff);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    backoff = Math.min(backoff * 2, 10_000);
                }
            }
        }
    }

    /** One batch: receive, parse, store, commit. @return false if the sink failed and the batch was rolled back */
    private boolean batch(ClientSession session, ClientConsumer consumer) throws Exception {
        ClientMessage first = consumer.receive(200);
        if (first == null) {
            return true;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(tuning.lingerMillis());
        List<Reading> batch = new ArrayList<>();
        Map<String, int[]> perDevice = new HashMap<>();
        Map<String, Instant> lastByDevice = new HashMap<>();
        int count = 0;
        List<ClientMessage> taken = new ArrayList<>();
        ClientMessage m = first;
        while (m != null) {
            count++;
            taken.add(m);
            take(m, batch, perDevice, lastByDevice);
            if (count >= tuning.maxMessages() || batch.size() >= tuning.maxReadings()) {
                break;
            }
            m = consumer.receiveImmediate();
            if (m == null) {
                long wait = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (wait > 0) {
                    m = consumer.receive(wait);
                }
            }
        }
        if (!batch.isEmpty()) {
            try {
                sink.submit(batch).toCompletableFuture().get(tuning.sinkTimeoutSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                session.rollback();
                throw e;
            } catch (TimeoutException | java.util.concurrent.ExecutionException | RuntimeException e) {
                sinkFailures.incrementAndGet();
                Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
                LOG.warn("Readings of {} MQTT messages not stored ({}); they stay in the broker and are delivered again",
                        count, cause.toString());
                session.rollback();
                return false;
            }
        }
        // messages of the default priority (see DefaultPriority) are acknowledged cumulatively: the
        // client only remembers the last one and sends one acknowledgement with the commit; any
        // other message (one journaled before that plugin existed) is acknowledged on its own
        for (ClientMessage t : taken) {
            t.acknowledge();
        }
        // the readings are durable in PostgreSQL: the broker's commit of the acknowledgements need not
        // be waited for (a worker would spend most of its time on that round trip and journal sync);
        // if it is lost in a crash, the messages come again: stored twice, never lost
        session.commit(false);
        messages.addAndGet(count);
        readings.addAndGet(batch.size());
        perDevice.forEach((device, n) -> registry.delivered(device, n[0], lastByDevice.get(device)));
        return true;
    }

    private void take(ClientMessage m, List<Reading> batch, Map<String, int[]> perDevice, Map<String, Instant> lastByDevice) {
        String address = m.getAddress();
        String device = DeviceSecurityManager.deviceOf(address);
        byte[] body = new byte[m.getBodySize()];
        m.getBodyBuffer().readBytes(body);
        if (device == null) {
            reject("mqtt:unknown", "topic " + address + " is not chempark/v1/{deviceId}/readings", body, null);
            return;
        }
        String source = "mqtt:" + device;
        try {
            List<Reading> rs = parser.parse(body, source, Instant.ofEpochMilli(m.getTimestamp() > 0 ? m.getTimestamp() : clock.millis()));
            batch.addAll(rs);
            perDevice.computeIfAbsent(device, d -> new int[1])[0] += rs.size();
            if (!rs.isEmpty()) {
                Instant ts = rs.get(rs.size() - 1).timestamp();
                lastByDevice.merge(device, ts, (a, b) -> a.isAfter(b) ? a : b);
            }
        } catch (PayloadParser.MalformedPayloadException e) {
            reject(source, e.getMessage(), body, device);
        }
    }

    private void reject(String source, String reason, byte[] body, String device) {
        // durable when it returns; the message is acknowledged with its batch
        sink.rejectPayload(source, reason, body);
        deadLetters.incrementAndGet();
        if (device != null) {
            registry.rejected(device);
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (locator != null) {
            locator.close();
        }
    }
}
