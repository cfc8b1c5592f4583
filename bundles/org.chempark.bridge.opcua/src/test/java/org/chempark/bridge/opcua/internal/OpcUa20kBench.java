package org.chempark.bridge.opcua.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingSink;
import org.chempark.sdk.telemetry.SourceStatus.State;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;

/**
 * Driver of {@code bench/opcua-20k.sh}: one client session with N monitored items (default
 * 20,000) against a Milo server whose every value changes once a second. Measures the lag from
 * the source timestamp to the hand-off to the {@link ReadingSink}, the lag from the server's
 * publish time to the hand-off, and counts updates that never arrived. Prints Markdown.
 *
 * <p>Arguments: {@code items seconds warmupSeconds publishingMs samplingMs}.
 */
public final class OpcUa20kBench {
    private OpcUa20kBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int publishing = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        int sampling = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        Path tmp = Files.createTempDirectory("opcua-bench");

        TestDcsServer dcs = new TestDcsServer(tmp.resolve("dcs"), n, "u", "p");
        dcs.start();
        ClientPki pki = new ClientPki(tmp.resolve("client"));

        long[] lags = new long[n * (seconds + 5)];
        AtomicInteger lagCount = new AtomicInteger();
        long[] handOff = new long[(seconds + 5) * 200];
        AtomicInteger handOffCount = new AtomicInteger();
        Map<Long, AtomicInteger> perTick = new ConcurrentHashMap<>();
        AtomicLong received = new AtomicLong();
        long[] window = { Long.MAX_VALUE, Long.MAX_VALUE }; // measured source timestamps [from, to)
        ReadingSink sink = new ReadingSink() {
            @Override
            public CompletionStage<IngestReceipt> submit(List<Reading> batch) {
                long now = System.currentTimeMillis();
                received.addAndGet(batch.size());
                for (Reading r : batch) {
                    long ts = r.timestamp().toEpochMilli();
                    if (ts >= window[0] && ts < window[1]) {
                        int i = lagCount.getAndIncrement();
                        if (i < lags.length) {
                            lags[i] = now - ts;
                        }
                        perTick.computeIfAbsent(ts, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
                return CompletableFuture.completedFuture(new IngestReceipt(batch.size(), 0, 0));
            }

            @Override
            public void rejectPayload(String source, String reason, byte[] payload) {
            }
        };

        Hashtable<String, Object> p = new Hashtable<>();
        p.put("name", "bench");
        p.put("endpointUrl", dcs.url());
        p.put("autoMapFolder", "ns=2;s=Points");
        p.put("publishingInterval", publishing);
        p.put("samplingInterval", sampling);
        OpcUaConnection conn = new OpcUaConnection(ClientSettings.from(OpcUaResource.config(p)), pki, sink);
        long t0 = System.nanoTime();
        conn.start();
        while (!(conn.status().state() == State.ONLINE && conn.monitoredItems() == n)) {
            if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(5)) {
                throw new IllegalStateException("not subscribed after 5 min: " + conn.status());
            }
            Thread.sleep(20);
        }
        long subscribeMs = (System.nanoTime() - t0) / 1_000_000;

        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger tick = new AtomicInteger();
        long[] setMs = new long[seconds + warmup + 10];
        AtomicInteger ticks = new AtomicInteger();
        List<Long> tickTimes = new java.util.concurrent.CopyOnWriteArrayList<>();
        ticker.scheduleAtFixedRate(() -> {
            long s0 = System.nanoTime();
            int k = tick.incrementAndGet();
            long ts = System.currentTimeMillis();
            tickTimes.add(ts);
            dcs.setAll(k, new DateTime(Instant.ofEpochMilli(ts)));
            int i = ticks.getAndIncrement();
            if (i < setMs.length) {
                setMs[i] = (System.nanoTime() - s0) / 1_000_000;
            }
        }, 0, 1000, TimeUnit.MILLISECONDS);

        Thread.sleep(warmup * 1000L);
        conn.handOffProbe = ms -> {
            int i = handOffCount.getAndIncrement();
            if (i < handOff.length) {
                handOff[i] = ms;
            }
        };
        window[0] = System.currentTimeMillis();
        long receivedAtStart = received.get();
        window[1] = window[0] + seconds * 1000L;
        Thread.sleep(seconds * 1000L);
        long receivedInWindow = received.get() - receivedAtStart;
        Thread.sleep(4000); // let the last ticks of the window arrive
        ticker.shutdownNow();
        conn.handOffProbe = null;

        List<Long> inWindow = tickTimes.stream().filter(t -> t >= window[0] && t < window[1]).toList();
        int measuredTicks = inWindow.size();
        long expected = (long) measuredTicks * n;
        long got = inWindow.stream().mapToLong(t -> perTick.getOrDefault(t, new AtomicInteger()).get()).sum();
        long incomplete = inWindow.stream().filter(t -> perTick.getOrDefault(t, new AtomicInteger()).get() != n).count();
        long absent = inWindow.stream().filter(t -> !perTick.containsKey(t)).count();
        int m = Math.min(lagCount.get(), lags.length);
        long[] l = Arrays.copyOf(lags, m);
        Arrays.sort(l);
        int h = Math.min(handOffCount.get(), handOff.length);
        long[] ho = Arrays.copyOf(handOff, h);
        Arrays.sort(ho);
        Runtime rt = Runtime.getRuntime();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);

        System.out.printf("| monitored items | %d |%n", n);
        System.out.printf("| sampling / publishing interval | %d ms / %d ms |%n", sampling, publishing);
        System.out.printf("| time to connect, browse %d nodes and create the monitored items | %.1f s |%n", n, subscribeMs / 1000.0);
        System.out.printf("| measured | %d s after %d s warm-up; %d value changes of all items in the window |%n", seconds, warmup, measuredTicks);
        System.out.printf("| readings handed to the ReadingSink in the window | %d (%.0f /s) |%n", receivedInWindow, receivedInWindow / (double) seconds);
        System.out.printf("| lag source timestamp → ReadingSink, median / p90 / p99 / max | %d / %d / %d / %d ms |%n", pct(l, 50), pct(l, 90),
                pct(l, 99), l.length == 0 ? -1 : l[l.length - 1]);
        System.out.printf("| lag server publish time → ReadingSink, median / p99 / max (%d notification batches) | %d / %d / %d ms |%n", h,
                pct(ho, 50), pct(ho, 99), ho.length == 0 ? -1 : ho[ho.length - 1]);
        System.out.printf("| updates missed (expected %d, received %d) | %d (%d of %d changes not complete, %d of them not seen at all) |%n",
                expected, got, expected - got, incomplete, measuredTicks, absent);
        long[] sm = Arrays.copyOf(setMs, Math.min(ticks.get(), setMs.length));
        Arrays.sort(sm);
        System.out.printf("| server: time to set %d values, median | %d ms |%n", n, pct(sm, 50));
        System.out.printf("| JVM heap used at the end (server + client in one JVM) | %d MB |%n", heapMb);
        System.out.printf("| session status at the end | %s |%n", conn.status().state());

        conn.close();
        dcs.close();
        pki.close();
        System.exit(0);
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
