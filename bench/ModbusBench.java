import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.chempark.bridge.modbus.internal.DevicePoller;
import org.chempark.bridge.modbus.internal.PollScheduler;
import org.chempark.bridge.modbus.internal.RegisterMap;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingSink;

import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;

/**
 * Driver of bench/modbus-100x120.sh (JDK 17 single-file program; classpath: j2mod, jSerialComm,
 * slf4j, the ChemPark SDK and the Modbus bridge bundle).
 *
 * <pre>
 * java -cp ... bench/ModbusBench.java slaves --count 100 --registers 120 --base-port 16000
 * java -cp ... bench/ModbusBench.java master --count 100 --registers 120 --base-port 16000 \
 *      --interval 1000 --threads 4 --warmup 10 --duration 60
 * </pre>
 *
 * slaves: j2mod TCP slaves on consecutive ports, registers changing every second, until killed.
 * master: the bridge's DevicePoller for every slave on the bridge's PollScheduler, readings to
 * a counting ReadingSink (the ingest pipeline is not part of this measurement); prints one
 * result line of key=value pairs.
 */
public class ModbusBench {
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int count = Integer.parseInt(o.getOrDefault("count", "100"));
        int regs = Integer.parseInt(o.getOrDefault("registers", "120"));
        int base = Integer.parseInt(o.getOrDefault("base-port", "16000"));
        if (args.length > 0 && args[0].equals("slaves")) {
            slaves(count, regs, base);
        } else {
            master(count, regs, base, Integer.parseInt(o.getOrDefault("interval", "1000")), Integer.parseInt(o.getOrDefault("threads", "4")),
                    Integer.parseInt(o.getOrDefault("warmup", "10")), Integer.parseInt(o.getOrDefault("duration", "60")));
        }
    }

    static void slaves(int count, int regs, int base) throws Exception {
        List<SimpleRegister[]> all = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            SimpleProcessImage img = new SimpleProcessImage(1);
            SimpleRegister[] r = new SimpleRegister[regs];
            for (int i = 0; i < regs; i++) {
                r[i] = new SimpleRegister(i);
                img.addRegister(r[i]);
            }
            ModbusSlave s = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), base + d, 2, false);
            s.addProcessImage(1, img);
            s.open();
            all.add(r);
        }
        System.out.println("READY " + count + " slaves on ports " + base + "-" + (base + count - 1));
        System.out.flush();
        long tick = 0;
        while (true) {
            Thread.sleep(1000);
            tick++;
            for (SimpleRegister[] r : all) {
                for (int i = 0; i < r.length; i++) {
                    r[i].setValue((int) ((i + tick) & 0x7FFF));
                }
            }
        }
    }

    static void master(int count, int regs, int base, int interval, int threads, int warmup, int duration) throws Exception {
        StringBuilder map = new StringBuilder();
        for (int i = 0; i < regs; i++) {
            map.append("P").append(i).append(";holding;").append(i).append(";int16;;0.1;0\n");
        }
        AtomicLong readings = new AtomicLong();
        ReadingSink sink = new ReadingSink() {
            @Override
            public CompletionStage<IngestReceipt> submit(List<Reading> r) {
                readings.addAndGet(r.size());
                return CompletableFuture.completedFuture(new IngestReceipt(r.size(), 0, 0));
            }

            @Override
            public void rejectPayload(String source, String reason, byte[] payload) {
            }
        };
        long[][] samples = new long[count][];
        int[] n = new int[count];
        long expected = (long) duration * 1000 / interval + 5;
        for (int d = 0; d < count; d++) {
            samples[d] = new long[(int) expected];
        }
        PollScheduler scheduler = new PollScheduler(threads);
        List<ScheduledFuture<?>> tasks = new ArrayList<>();
        List<DevicePoller> pollers = new ArrayList<>();
        long[] measureFrom = { Long.MAX_VALUE };
        long[] measureTo = { Long.MAX_VALUE };
        AtomicLong failed = new AtomicLong();
        for (int d = 0; d < count; d++) {
            int dev = d;
            String[] lines = map.toString().split("\n");
            for (int i = 0; i < lines.length; i++) {
                lines[i] = "D" + d + "-" + lines[i];
            }
            DevicePoller p = new DevicePoller(new DevicePoller.Settings("bench-" + d, "127.0.0.1", base + d, 1, interval, 1000, true, 125, 8, 0),
                    RegisterMap.parse(lines), null, sink, Clock.systemUTC());
            pollers.add(p);
            tasks.add(scheduler.everyMillis(() -> {
                long t0 = System.nanoTime();
                List<Reading> r = p.poll();
                long t1 = System.nanoTime();
                if (t0 >= measureFrom[0] && t0 < measureTo[0]) {
                    if (r.isEmpty()) {
                        failed.incrementAndGet();
                    } else if (n[dev] < samples[dev].length) {
                        samples[dev][n[dev]++] = t1 - t0;
                    }
                }
            }, interval));
        }
        Thread.sleep(warmup * 1000L);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long r0 = readings.get();
        long w0 = System.nanoTime();
        measureFrom[0] = w0;
        measureTo[0] = w0 + duration * 1_000_000_000L;
        Thread.sleep(duration * 1000L);
        long w1 = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        long r1 = readings.get();
        tasks.forEach(t -> t.cancel(false));
        scheduler.close();
        pollers.forEach(DevicePoller::close);

        long total = Arrays.stream(n).sum();
        long[] all = new long[(int) total];
        int k = 0;
        for (int d = 0; d < count; d++) {
            System.arraycopy(samples[d], 0, all, k, n[d]);
            k += n[d];
        }
        Arrays.sort(all);
        double secs = (w1 - w0) / 1e9;
        int minPolls = Arrays.stream(n).min().orElse(0);
        System.out.println(String.format(Locale.ROOT,
                "RESULT devices=%d registers=%d interval_ms=%d threads=%d duration_s=%.1f polls=%d failed=%d poll_rate_per_device_hz=%.3f "
                        + "target_hz=%.3f min_device_polls=%d readings_per_s=%.0f cycle_ms_median=%.3f cycle_ms_p99=%.3f cycle_ms_max=%.3f "
                        + "cpu_master_pct_of_one_core=%.1f cores=%d",
                count, regs, interval, threads, secs, total, failed.get(), total / secs / count, 1000.0 / interval, minPolls, (r1 - r0) / secs,
                pct(all, 50) / 1e6, pct(all, 99) / 1e6, all.length == 0 ? 0 : all[all.length - 1] / 1e6, (cpu1 - cpu0) / 1e7 / secs,
                Runtime.getRuntime().availableProcessors()));
    }

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
