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
 *        [--points file] [--rate messages-per-second]
 *
 * Without --points the readings are of points {device}-P{r}. With --points (lines "code value"),
 * each connection's messages cycle through those points (connection c starts at line c × 97), with
 * the value jittered by up to ±1 % so limits are evaluated on plausible, in-band values.
 * With --rate the connections together offer that many messages per second (each an equal share,
 * on a fixed schedule, in bursts of what fell due during a sleep of at least 1 ms); without it each
 * sends as fast as its window of unacknowledged messages allows.
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
        double rate = Double.parseDouble(o.getOrDefault("rate", "0"));
        long periodNanos = rate > 0 ? (long) (1e9 * conns / rate) : 0;
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
        List<String[]> points = new ArrayList<>();
        if (o.containsKey("points")) {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(o.get("points")))) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 2) {
                    points.add(f);
                }
            }
        }

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
            byte[][] payloads = new byte[points.isEmpty() ? 16 : Math.max(16, points.size())][];
            for (int p = 0; p < payloads.length; p++) {
                StringBuilder sb = new StringBuilder("{\"readings\":[");
                for (int r = 0; r < readings; r++) {
                    sb.append(r == 0 ? "" : ",");
                    if (points.isEmpty()) {
                        sb.append("{\"point\":\"").append(device).append("-P").append(r)
                                .append("\",\"value\":").append(p * 1.25 + r).append(",\"quality\":\"GOOD\"}");
                    } else {
                        String[] pt = points.get((c * 97 + p * readings + r) % points.size());
                        double v = Double.parseDouble(pt[1]) * (1 + ((p * 7 + r) % 21 - 10) / 1000.0);
                        sb.append("{\"point\":\"").append(pt[0]).append("\",\"value\":").append(v).append("}");
                    }
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
                long start = System.nanoTime();
                try {
                    while (System.nanoTime() < end[0] && client.isConnected()) {
                        if (periodNanos > 0) {
                            long due = start + i * periodNanos;
                            long now;
                            // ahead of schedule: sleep at least a millisecond, then send what fell due
                            // meanwhile back to back (a wake-up per message would cost the machine more
                            // CPU than the publishing itself, CPU the bare broker's run never pays)
                            while ((now = System.nanoTime()) < due) {
                                java.util.concurrent.locks.LockSupport.parkNanos(Math.max(due - now, 1_000_000));
                            }
                        }
                        if (maxMessages > 0 && sent.get() >= maxMessages) {
                            break;
                        }
                        inflight.acquire();
                        MqttMessage m = new MqttMessage(payloads[(int) (i++ % payloads.length)]);
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
                + " connections=" + conns + " window=" + window + " offered_msgs_per_s=" + (rate > 0 ? Math.round(rate) : "max") + " readings_per_msg=" + readings + " min=" + (v.length == 0 ? 0 : v[0])
                + " max=" + (v.length == 0 ? 0 : v[v.length - 1]));
        System.exit(0);
    }
}
