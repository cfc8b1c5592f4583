import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * MQTT QoS 1 load generator for bench/mqtt-ingest.sh: C connections (device d-0 … d-{C-1}), each
 * keeping up to W messages in flight, each message carrying R readings in the ChemPark payload
 * schema on chempark/v1/{device}/readings. Counts PUBACKs; prints the per-second acknowledged
 * rate and, at the end, the median over the measured seconds (after the warm-up).
 *
 *   java -cp paho.jar MqttLoadGen.java --url tcp://127.0.0.1:1883 --connections 8 --window 200 \
 *        --readings 1 --duration 60 --warmup 10 [--password S | --credentials file(user=secret lines)] [--max-messages N]
 *
 * Output: lines "sec N acked_msgs M readings R" and a final "RESULT key=value ..." line.
 */
public class MqttLoadGen {
    public static void main(String[] a) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < a.length; i += 2) {
            o.put(a[i].replaceFirst("^--", ""), a[i + 1]);
        }
        String url = o.getOrDefault("url", "tcp://127.0.0.1:1883");
        int conns = Integer.parseInt(o.getOrDefault("connections", "8"));
        int window = Integer.parseInt(o.getOrDefault("window", "200"));
        int readings = Integer.parseInt(o.getOrDefault("readings", "1"));
        int duration = Integer.parseInt(o.getOrDefault("duration", "60"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
        long maxMessages = Long.parseLong(o.getOrDefault("max-messages", "-1"));
        String prefix = o.getOrDefault("device-prefix", "d-");
        Map<String, String> creds = new HashMap<>();
        if (o.containsKey("credentials")) {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(o.get("credentials")))) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    creds.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        }
        String password = o.get("password");

        AtomicLong acked = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<MqttAsyncClient> clients = new ArrayList<>();
        long[] end = { Long.MAX_VALUE };
        for (int c = 0; c < conns; c++) {
            String device = prefix + c;
            MqttAsyncClient client = new MqttAsyncClient(url, "lg-" + device + "-" + System.nanoTime(), new MemoryPersistence());
            MqttConnectOptions opts = new MqttConnectOptions();
            opts.setCleanSession(true);
            opts.setMaxInflight(window);
            opts.setKeepAliveInterval(60);
            opts.setConnectionTimeout(30);
            String pw = creds.getOrDefault(device, password);
            if (pw != null) {
                opts.setUserName(device);
                opts.setPassword(pw.toCharArray());
            }
            client.connect(opts).waitForCompletion(30_000);
            clients.add(client);
            String topic = "chempark/v1/" + device + "/readings";
            byte[][] payloads = new byte[16][];
            for (int p = 0; p < payloads.length; p++) {
                StringBuilder sb = new StringBuilder("{\"readings\":[");
                for (int r = 0; r < readings; r++) {
                    sb.append(r == 0 ? "" : ",").append("{\"point\":\"").append(device).append("-P").append(r)
                            .append("\",\"value\":").append(p * 1.25 + r).append(",\"quality\":\"GOOD\"}");
                }
                payloads[p] = (sb + "]}").getBytes(StandardCharsets.UTF_8);
            }
            Semaphore inflight = new Semaphore(window);
            IMqttActionListener done = new IMqttActionListener() {
                public void onSuccess(IMqttToken t) {
                    acked.incrementAndGet();
                    inflight.release();
                }

                public void onFailure(IMqttToken t, Throwable e) {
                    failed.incrementAndGet();
                    inflight.release();
                }
            };
            Thread t = new Thread(() -> {
                long i = 0;
                try {
                    while (System.nanoTime() < end[0] && client.isConnected()) {
                        if (maxMessages > 0 && sent.get() >= maxMessages) {
                            break;
                        }
                        inflight.acquire();
                        MqttMessage m = new MqttMessage(payloads[(int) (i++ & 15)]);
                        m.setQos(1);
                        client.publish(topic, m, null, done);
                        sent.incrementAndGet();
                    }
                } catch (Exception e) {
                    System.err.println(device + ": " + e);
                }
            }, "pub-" + device);
            threads.add(t);
        }
        // the run starts when every connection is up (device logins cost a PBKDF2 check each)
        end[0] = System.nanoTime() + (long) (warmup + duration) * 1_000_000_000L;
        threads.forEach(Thread::start);
        List<Long> perSecond = new ArrayList<>();
        long prev = 0;
        for (int s = 1; s <= warmup + duration; s++) {
            Thread.sleep(1000);
            long now = acked.get();
            long d = now - prev;
            prev = now;
            System.out.println("sec " + s + " acked_msgs " + d + " readings " + d * readings + (s <= warmup ? " (warm-up)" : ""));
            if (s > warmup) {
                perSecond.add(d);
            }
            if (maxMessages > 0 && now >= maxMessages) {
                break;
            }
        }
        for (Thread t : threads) {
            t.join(5000);
        }
        Thread.sleep(500);
        for (MqttAsyncClient c : clients) {
            try {
                c.disconnect().waitForCompletion(5000);
                c.close();
            } catch (Exception e) {
                // ignore
            }
        }
        long[] v = perSecond.stream().mapToLong(Long::longValue).sorted().toArray();
        long median = v.length == 0 ? 0 : v[v.length / 2];
        System.out.println("RESULT median_msgs_per_s=" + median + " median_readings_per_s=" + median * readings + " acked_total="
                + acked.get() + " sent_total=" + sent.get() + " failed=" + failed.get() + " seconds=" + v.length
                + " connections=" + conns + " window=" + window + " readings_per_msg=" + readings + " min=" + (v.length == 0 ? 0 : v[0])
                + " max=" + (v.length == 0 ? 0 : v[v.length - 1]));
        System.exit(0);
    }
}
