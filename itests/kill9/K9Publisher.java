import java.io.FileWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * For the kill -9 tests: publishes N QoS-1 messages with up to W in flight, and writes i to the
 * ack file (flushed) for every PUBACK of message i. Ends when all are acknowledged or the broker
 * goes away (the kill -9).
 *
 *   java -cp paho.jar K9Publisher.java <url> <device> <secret> <N> <W> <ack file> [<point> <base ms> <value>]
 *
 * Without a point (itests/kill9/run.sh), message i carries the reading of point K9-i; with one
 * (itests/kill9/platform.sh), the reading of that point at time base + i ms, so every reading is
 * told apart by its timestamp.
 */
public class K9Publisher {
    public static void main(String[] a) throws Exception {
        try {
            run(a);
        } catch (Exception e) {
            System.out.println("publisher stopped: " + e);
            System.exit(3);
        }
    }

    static void run(String[] a) throws Exception {
        String url = a[0], device = a[1], secret = a[2];
        int n = Integer.parseInt(a[3]), window = Integer.parseInt(a[4]);
        PrintWriter acks = new PrintWriter(new FileWriter(a[5], StandardCharsets.UTF_8));
        String point = a.length > 8 ? a[6] : null;
        long base = a.length > 8 ? Long.parseLong(a[7]) : 0;
        String value = a.length > 8 ? a[8] : null;
        MqttAsyncClient c = new MqttAsyncClient(url, "k9-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(device);
        o.setPassword(secret.toCharArray());
        o.setMaxInflight(window);
        o.setCleanSession(true);
        c.connect(o).waitForCompletion(30_000);
        Semaphore inflight = new Semaphore(window);
        int sent = 0;
        for (int i = 0; i < n && c.isConnected(); i++) {
            final int id = i;
            if (!inflight.tryAcquire(60, java.util.concurrent.TimeUnit.SECONDS)) {
                System.out.println("no PUBACK nor failure for 60 s: stopping");
                break;
            }
            String json = point == null
                    ? "{\"point\":\"K9-" + i + "\",\"value\":" + i + "}"
                    : "{\"point\":\"" + point + "\",\"ts\":" + (base + i) + ",\"value\":" + value + "}";
            MqttMessage m = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
            m.setQos(1);
            try {
                c.publish("chempark/v1/" + device + "/readings", m, null, new IMqttActionListener() {
                    public void onSuccess(IMqttToken t) {
                        synchronized (acks) {
                            acks.println(id);
                            acks.flush();
                        }
                        inflight.release();
                    }

                    public void onFailure(IMqttToken t, Throwable e) {
                        inflight.release();
                    }
                });
                sent++;
            } catch (Exception e) {
                break;
            }
        }
        Thread.sleep(1000);
        System.out.println("sent " + sent);
        System.exit(0);
    }
}
