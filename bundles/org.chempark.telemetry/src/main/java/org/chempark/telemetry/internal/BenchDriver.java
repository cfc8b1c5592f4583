package org.chempark.telemetry.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingSink;

/**
 * In-container load driver for bench/telemetry-ingest.sh: submits synthetic readings of the
 * asset model's real points (values inside their L..H band, so every limit is evaluated
 * without flooding alarms) to the real {@link ReadingSink} and reports what was stored per
 * second and how long batches waited for their commit. Only reachable when
 * {@code bench_enabled=true} (test instances: it writes readings for real points).
 */
final class BenchDriver {
    private BenchDriver() {
    }

    static Map<String, Object> run(ReadingSink sink, List<PointMeta> points, int seconds, int rate, int batchSize, int concurrency)
            throws InterruptedException {
        if (points.isEmpty()) {
            throw new IllegalStateException("the asset model has no monitoring points");
        }
        double[] mid = new double[points.size()];
        double[] amp = new double[points.size()];
        for (int i = 0; i < mid.length; i++) {
            PointMeta p = points.get(i);
            double lo = p.l() != null ? p.l() : p.ll() != null ? p.ll() : p.rangeLow() != null ? p.rangeLow() : 0;
            double hi = p.h() != null ? p.h() : p.hh() != null ? p.hh() : p.rangeHigh() != null ? p.rangeHigh() : lo + 100;
            mid[i] = (lo + hi) / 2;
            amp[i] = Math.max(0, (hi - lo) / 4);
        }
        AtomicLong accepted = new AtomicLong(), submitted = new AtomicLong(), failed = new AtomicLong();
        ConcurrentLinkedQueue<Long> latenciesUs = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        long end = t0 + seconds * 1_000_000_000L;
        double perThreadRate = rate <= 0 ? 0 : rate / (double) concurrency;
        List<Thread> threads = new ArrayList<>();
        List<CompletableFuture<?>> pending = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int th = 0; th < concurrency; th++) {
            final int offset = th;
            Thread t = new Thread(() -> {
                Semaphore inFlight = new Semaphore(4);
                long seq = 0;
                int cursor = offset * 7919 % mid.length;
                while (System.nanoTime() < end) {
                    if (perThreadRate > 0) {
                        long due = t0 + (long) (seq / perThreadRate * 1e9);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            try {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                    List<Reading> batch = new ArrayList<>(batchSize);
                    Instant now = Instant.now();
                    for (int i = 0; i < batchSize; i++) {
                        int k = cursor;
                        cursor = (cursor + 1) % mid.length;
                        double v = mid[k] + amp[k] * Math.sin((seq + i) * 0.001 + k);
                        batch.add(Reading.good(points.get(k).code(), now.plusNanos(i * 1000L + offset), v, "bench:driver-" + offset));
                    }
                    seq += batchSize;
                    try {
                        inFlight.acquire();
                    } catch (InterruptedException e) {
                        return;
                    }
                    long s = System.nanoTime();
                    submitted.addAndGet(batchSize);
                    CompletableFuture<?> f = sink.submit(batch).toCompletableFuture().whenComplete((r, err) -> {
                        inFlight.release();
                        if (err != null) {
                            failed.addAndGet(batchSize);
                        } else {
                            accepted.addAndGet(r.accepted());
                            latenciesUs.add((System.nanoTime() - s) / 1000);
                        }
                    });
                    pending.add(f);
                }
            }, "chempark-telemetry-bench-" + th);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (CompletableFuture<?> f : List.copyOf(pending)) {
            try {
                f.get(120, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // counted as failed above
            }
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] lat = latenciesUs.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", Math.round(elapsed * 1000) / 1000.0);
        m.put("points", points.size());
        m.put("targetRate", rate);
        m.put("batchSize", batchSize);
        m.put("concurrency", concurrency);
        m.put("submitted", submitted.get());
        m.put("accepted", accepted.get());
        m.put("failed", failed.get());
        m.put("readingsPerSecond", Math.round(accepted.get() / elapsed));
        m.put("batchCommitMsP50", pct(lat, 0.50));
        m.put("batchCommitMsP99", pct(lat, 0.99));
        m.put("batchCommitMsMax", lat.length == 0 ? null : lat[lat.length - 1] / 1000.0);
        return m;
    }

    private static Double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
    }

}
