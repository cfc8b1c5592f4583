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
 *        [--points file] [--rate messages-per-second] [--client raw|paho]
 *
 * --client raw (the default): a lean MQTT 3.1.1 publisher of its own on a plain socket (see
 * RawPublisher); --client paho: Eclipse Paho's async client (three threads and a wake-up per
 * message; on a 2-core machine it took 0.5–1 core, which the measured broker then lacked).
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
        boolean raw = !"paho".equals(o.getOrDefault("client", "raw"));
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
        List<RawPublisher> raws = new ArrayList<>();
        long[] end = { Long.MAX_VALUE };
        for (int c = 0; c < conns; c++) {
            String device = prefix + c;
            String topic = "chempark/v1/" + device + "/readings";
            String pw = creds.getOrDefault(device, password);
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
            if (raw) {
                RawPublisher rp = new RawPublisher(url, "lg-" + device + "-" + System.nanoTime(), device, pw, topic, window, acked, failed);
                threads.add(new Thread(() -> rp.run(payloads, periodNanos, end, maxMessages, sent), "pub-" + device));
                raws.add(rp);
                continue;
            }
            MqttAsyncClient client = new MqttAsyncClient(url, "lg-" + device + "-" + System.nanoTime(), new MemoryPersistence());
            MqttConnectOptions opts = new MqttConnectOptions();
            opts.setCleanSession(true);
            opts.setMaxInflight(window);
            opts.setKeepAliveInterval(60);
            opts.setConnectionTimeout(30);
            if (pw != null) {
                opts.setUserName(device);
                opts.setPassword(pw.toCharArray());
            }
            client.connect(opts).waitForCompletion(30_000);
            clients.add(client);
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
        raws.forEach(RawPublisher::close);
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
                + " connections=" + conns + " window=" + window + " offered_msgs_per_s=" + (rate > 0 ? Math.round(rate) : "max") + " readings_per_msg=" + readings + " client=" + (raw ? "raw" : "paho") + " min=" + (v.length == 0 ? 0 : v[0])
                + " max=" + (v.length == 0 ? 0 : v[v.length - 1]));
        System.exit(0);
    }

    /**
     * A lean MQTT 3.1.1 QoS-1 publisher on a plain socket: one thread writes PUBLISH packets
     * (buffered, flushed when the window is full or the schedule is ahead), one reads PUBACKs.
     * Unlike Paho (three threads, a token and a wake-up per message) it costs the machine little,
     * so the bare broker and the platform get the cores, not the load generator.
     */
    static final class RawPublisher {
        private final java.net.Socket socket;
        private final java.io.OutputStream out;
        private final java.io.DataInputStream in;
        private final Semaphore window;
        private final byte[] header;
        private final AtomicLong acked;
        private final AtomicLong failed;
        private final Thread reader;
        private volatile boolean closing;

        RawPublisher(String url, String clientId, String user, String password, String topic, int window, AtomicLong acked,
                AtomicLong failed) throws java.io.IOException {
            java.net.URI u = java.net.URI.create(url);
            this.socket = new java.net.Socket(u.getHost(), u.getPort());
            socket.setTcpNoDelay(true);
            this.out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            this.in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16));
            this.window = new Semaphore(window);
            this.acked = acked;
            this.failed = failed;
            java.io.ByteArrayOutputStream v = new java.io.ByteArrayOutputStream();
            str(v, "MQTT");
            v.write(4); // protocol level 3.1.1
            v.write(0x02 | (user != null && password != null ? 0xC0 : 0)); // clean session, user name and password
            v.write(0);
            v.write(0); // keep-alive 0: off
            str(v, clientId);
            if (user != null && password != null) {
                str(v, user);
                str(v, password);
            }
            packet(out, 0x10, v.toByteArray());
            out.flush();
            int type = in.readUnsignedByte();
            int len = remaining(in);
            byte[] ack = new byte[len];
            in.readFully(ack);
            if (type != 0x20 || len < 2 || ack[1] != 0) {
                throw new java.io.IOException("CONNECT refused by " + url + " for " + user + ": return code " + (len < 2 ? "?" : ack[1]));
            }
            byte[] t = topic.getBytes(StandardCharsets.UTF_8);
            this.header = new byte[2 + t.length];
            header[0] = (byte) (t.length >> 8);
            header[1] = (byte) t.length;
            System.arraycopy(t, 0, header, 2, t.length);
            reader = new Thread(this::read, "ack-" + user);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try {
                while (true) {
                    int type = in.readUnsignedByte();
                    int len = remaining(in);
                    in.skipBytes(len);
                    if ((type & 0xF0) == 0x40) { // PUBACK
                        acked.incrementAndGet();
                        window.release();
                    }
                }
            } catch (java.io.IOException e) {
                if (!closing) {
                    System.err.println("connection lost: " + e);
                    failed.incrementAndGet();
                    window.release(1 << 20);
                }
            }
        }

        void run(byte[][] payloads, long periodNanos, long[] end, long maxMessages, AtomicLong sent) {
            long i = 0;
            int id = 0;
            long start = System.nanoTime();
            try {
                while (System.nanoTime() < end[0] && !socket.isClosed() && failed.get() == 0) {
                    if (periodNanos > 0) {
                        long due = start + i * periodNanos;
                        long now = System.nanoTime();
                        if (now < due) { // ahead of schedule: send what is written, sleep at least 1 ms
                            out.flush();
                            java.util.concurrent.locks.LockSupport.parkNanos(Math.max(due - now, 1_000_000));
                            continue;
                        }
                    }
                    if (maxMessages > 0 && sent.get() >= maxMessages) {
                        break;
                    }
                    if (!window.tryAcquire()) { // window full: send what is written, then wait for a PUBACK
                        out.flush();
                        window.acquire();
                    }
                    byte[] payload = payloads[(int) (i++ % payloads.length)];
                    id = id == 0xFFFF ? 1 : id + 1;
                    out.write(0x32); // PUBLISH, QoS 1
                    writeRemaining(out, header.length + 2 + payload.length);
                    out.write(header);
                    out.write(id >> 8);
                    out.write(id & 0xFF);
                    out.write(payload);
                    sent.incrementAndGet();
                }
                out.flush();
            } catch (Exception e) {
                System.err.println("publisher stopped: " + e);
            }
        }

        void close() {
            closing = true;
            try {
                out.write(0xE0); // DISCONNECT
                out.write(0);
                out.flush();
                socket.close();
            } catch (java.io.IOException ignored) {
                // gone already
            }
        }

        private static void str(java.io.ByteArrayOutputStream b, String s) {
            byte[] x = s.getBytes(StandardCharsets.UTF_8);
            b.write(x.length >> 8);
            b.write(x.length & 0xFF);
            b.write(x, 0, x.length);
        }

        private static void packet(java.io.OutputStream o, int type, byte[] body) throws java.io.IOException {
            o.write(type);
            writeRemaining(o, body.length);
            o.write(body);
        }

        private static void writeRemaining(java.io.OutputStream o, int n) throws java.io.IOException {
            do {
                int d = n % 128;
                n /= 128;
                o.write(n > 0 ? d | 0x80 : d);
            } while (n > 0);
        }

        private static int remaining(java.io.DataInputStream in) throws java.io.IOException {
            int n = 0, mul = 1, d;
            do {
                d = in.readUnsignedByte();
                n += (d & 0x7F) * mul;
                mul *= 128;
            } while ((d & 0x80) != 0);
            return n;
        }
    }
}
