package org.chempark.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's MQTT gateways (Paho): each publishes its points every tick to
 * {@code chempark/v1/{deviceId}/readings} on the platform's broker, QoS 1, logging in with its
 * own device id and secret as a field gateway does. A gateway taken offline by a scenario
 * disconnects and stays away until the scenario ends.
 */
final class MqttPublishers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttPublishers.class);
    private static final long RETRY_MS = 5000;

    private final String brokerUrl;
    private final Map<String, Gateway> gateways = new LinkedHashMap<>();

    private static final class Gateway {
        final SimDevice device;
        final String deviceId;
        final String secret;
        MqttAsyncClient client;
        long nextConnectAt;
        long published;
        long skipped;
        String problem;

        Gateway(SimDevice device, String deviceId, String secret) {
            this.device = device;
            this.deviceId = deviceId;
            this.secret = secret;
        }
    }

    /** @param secrets device id → secret the gateway logs in with */
    MqttPublishers(String brokerUrl, List<SimDevice> devices, Map<String, String> secrets) {
        this.brokerUrl = brokerUrl;
        for (SimDevice d : devices) {
            String id = Simulator.bridgeName(d);
            gateways.put(d.name(), new Gateway(d, id, secrets.get(id)));
        }
    }

    static String topic(String deviceId) {
        return "chempark/v1/" + deviceId + "/readings";
    }

    /** The payload format of the MQTT bridge (docs/mqtt.md): {@code {"readings":[{"point","ts","value","quality"}…]}}. */
    static byte[] payload(List<String> codes, ParkModel model, Instant ts) {
        String t = DateTimeFormatter.ISO_INSTANT.format(ts);
        StringBuilder sb = new StringBuilder(64 + codes.size() * 80).append("{\"readings\":[");
        boolean first = true;
        for (String c : codes) {
            double v = model.value(c);
            if (!Double.isFinite(v)) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append("{\"point\":\"").append(c.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\"ts\":\"").append(t)
                    .append("\",\"value\":").append(Math.round(v * 1e4) / 1e4).append(",\"quality\":\"GOOD\"}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    synchronized void update(ParkModel model, Instant now) {
        Set<String> offline = model.offlineDevices(now);
        long nowMs = System.currentTimeMillis();
        for (Gateway g : gateways.values()) {
            if (offline.contains(g.device.name())) {
                if (g.client != null) {
                    LOG.info("Simulated MQTT gateway {} goes offline", g.deviceId);
                    close(g);
                }
                continue;
            }
            if (g.secret == null) {
                continue;
            }
            try {
                if (g.client == null || !g.client.isConnected()) {
                    if (nowMs >= g.nextConnectAt) {
                        connect(g);
                        g.nextConnectAt = nowMs + RETRY_MS;
                    }
                    continue;
                }
                g.client.publish(topic(g.deviceId), payload(g.device.pointCodes(), model, now), 1, false);
                g.published++;
                if (g.problem != null) {
                    LOG.info("Simulated MQTT gateway {} publishes to {} again", g.deviceId, brokerUrl);
                    g.problem = null;
                }
            } catch (MqttException e) {
                g.skipped++;
                String p = e.getMessage();
                if (!String.valueOf(p).equals(g.problem)) {
                    LOG.info("Simulated MQTT gateway {}: {} (retrying)", g.deviceId, p);
                    g.problem = String.valueOf(p);
                }
            }
        }
    }

    private void connect(Gateway g) throws MqttException {
        if (g.client == null) {
            g.client = new MqttAsyncClient(brokerUrl, g.deviceId, new MemoryPersistence());
        }
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(g.deviceId);
        o.setPassword(g.secret.toCharArray());
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout(5);
        o.setKeepAliveInterval(30);
        o.setMaxInflight(50);
        g.client.connect(o);
    }

    private static void close(Gateway g) {
        try {
            if (g.client.isConnected()) {
                g.client.disconnectForcibly(100, 100);
            }
            g.client.close(true);
        } catch (MqttException e) {
            // closing anyway
        }
        g.client = null;
    }

    /** Whether each gateway is connected now. */
    synchronized Map<String, Boolean> connected() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        gateways.forEach((k, g) -> out.put(k, g.client != null && g.client.isConnected()));
        return out;
    }

    @Override
    public synchronized void close() {
        for (Gateway g : gateways.values()) {
            if (g.client != null) {
                close(g);
            }
        }
    }

    // secrets in the MQTT bridge's format: pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int ITERATIONS = 210_000;

    static String newSecret() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder e = Base64.getEncoder().withoutPadding();
        return "pbkdf2-sha256$" + ITERATIONS + "$" + e.encodeToString(salt) + "$" + e.encodeToString(pbkdf2(secret, salt, ITERATIONS));
    }

    static byte[] pbkdf2(String secret, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(secret.toCharArray(), salt, iterations, 256))
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }
}
