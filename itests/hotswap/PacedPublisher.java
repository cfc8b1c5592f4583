import java.io.FileWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * For itests/hotswap/run.sh: publishes readings at a steady rate over one QoS-1 connection, R
 * readings per message, and writes the index of every PUBACKed message to the ack file. Reading k
 * (over the whole run) is of point k mod n of the points file (lines "code value") at time
 * base + k div n milliseconds, so every reading is told apart by its point and timestamp and the
 * readings of message m are k = m·R … m·R + R − 1.
 *
 *   java -cp paho.jar PacedPublisher.java <url> <device> <secret> <readings/s> <R> <seconds> <ack file> <points file> <base ms>
 */
public class PacedPublisher {
    public static void main(String[] a) throws Exception {
        String url = a[0], device = a[1], secret = a[2];
        double rate = Double.parseDouble(a[3]);
        int per = Integer.parseInt(a[4]);
        int seconds = Integer.parseInt(a[5]);
        PrintWriter acks = new PrintWriter(new FileWriter(a[6], StandardCharsets.UTF_8));
        List<String[]> points = Files.readAllLines(Path.of(a[7])).stream().map(l -> l.trim().split("\\s+")).filter(f -> f.length == 2).toList();
        long base = Long.parseLong(a[8]);
        int n = points.size();

        MqttAsyncClient c = new MqttAsyncClient(url, "hotswap-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(device);
        o.setPassword(secret.toCharArray());
        o.setMaxInflight(1000);
        o.setCleanSession(true);
        o.setKeepAliveInterval(30);
        c.connect(o).waitForCompletion(30_000);
        Semaphore inflight = new Semaphore(1000);
        AtomicLong acked = new AtomicLong(), failed = new AtomicLong();
        long messages = (long) (rate * seconds / per);
        long period = (long) (1e9 * per / rate);
        long start = System.nanoTime();
        long sent = 0;
        for (long m = 0; m < messages; m++) {
            long due = start + m * period, now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(Math.min(due - now, 1_000_000));
            }
            StringBuilder sb = new StringBuilder("{\"readings\":[");
            for (int r = 0; r < per; r++) {
                long k = m * per + r;
                String[] p = points.get((int) (k % n));
                sb.append(r == 0 ? "" : ",").append("{\"point\":\"").append(p[0]).append("\",\"ts\":").append(base + k / n)
                        .append(",\"value\":").append(p[1]).append('}');
            }
            MqttMessage msg = new MqttMessage(sb.append("]}").toString().getBytes(StandardCharsets.UTF_8));
            msg.setQos(1);
            if (!inflight.tryAcquire(60, java.util.concurrent.TimeUnit.SECONDS)) {
                System.out.println("no PUBACK nor failure for 60 s: stopping");
                break;
            }
            final long id = m;
            c.publish("chempark/v1/" + device + "/readings", msg, null, new IMqttActionListener() {
                public void onSuccess(IMqttToken t) {
                    synchronized (acks) {
                        acks.println(id);
                    }
                    acked.incrementAndGet();
                    inflight.release();
                }

                public void onFailure(IMqttToken t, Throwable e) {
                    failed.incrementAndGet();
                    inflight.release();
                }
            });
            sent++;
        }
        if (!inflight.tryAcquire(1000, 120, java.util.concurrent.TimeUnit.SECONDS)) {
            System.out.println("messages still without PUBACK after 120 s: " + (1000 - inflight.availablePermits()));
            failed.addAndGet(1000 - inflight.availablePermits());
        }
        double took = (System.nanoTime() - start) / 1e9;
        synchronized (acks) {
            acks.flush();
        }
        System.out.printf("sent %d messages (%d readings) in %.1f s = %.0f readings/s; acked %d, failed %d%n", sent, sent * per, took,
                sent * per / took, acked.get(), failed.get());
        c.disconnect().waitForCompletion(5000);
        System.exit(failed.get() == 0 ? 0 : 3);
    }
}
