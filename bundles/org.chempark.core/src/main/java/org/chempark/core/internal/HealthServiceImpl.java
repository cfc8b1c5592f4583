package org.chempark.core.internal;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.chempark.core.HealthReport;
import org.chempark.core.HealthService;
import org.chempark.sdk.health.HealthIndicator;
import org.chempark.sdk.health.HealthStatus;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Runs all indicators in parallel, each bounded to {@value #TIMEOUT_MS} ms. */
@Component(service = HealthService.class)
public class HealthServiceImpl implements HealthService {
    static final long TIMEOUT_MS = 2000;

    private final Map<HealthIndicator, String> indicators = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "chempark-health");
        t.setDaemon(true);
        return t;
    });

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addIndicator(HealthIndicator indicator, Map<String, Object> props) {
        indicators.put(indicator, String.valueOf(props.getOrDefault(HealthIndicator.MODULE, "unknown")));
    }

    void removeIndicator(HealthIndicator indicator) {
        indicators.remove(indicator);
    }

    @Override
    public HealthReport check() {
        List<Map.Entry<String, CompletableFuture<HealthStatus>>> running = new ArrayList<>();
        for (Map.Entry<HealthIndicator, String> e : indicators.entrySet()) {
            HealthIndicator hi = e.getKey();
            String key = e.getValue() + "." + safeName(hi);
            running.add(Map.entry(key, CompletableFuture.supplyAsync(() -> safeCheck(hi), pool)));
        }
        Map<String, HealthStatus> results = new TreeMap<>();
        HealthStatus.Status overall = HealthStatus.Status.UP;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        for (Map.Entry<String, CompletableFuture<HealthStatus>> r : running) {
            HealthStatus s;
            try {
                s = r.getValue().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                s = HealthStatus.down("no answer within " + TIMEOUT_MS + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                s = HealthStatus.down("interrupted");
            } catch (Exception e) {
                s = HealthStatus.down(e.getMessage());
            }
            results.put(r.getKey(), s);
            overall = HealthStatus.worst(overall, s.status());
        }
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
        return new HealthReport(overall, Instant.now(), uptime, results);
    }

    private static String safeName(HealthIndicator hi) {
        try {
            return hi.name();
        } catch (RuntimeException e) {
            return hi.getClass().getSimpleName();
        }
    }

    private static HealthStatus safeCheck(HealthIndicator hi) {
        try {
            HealthStatus s = hi.check();
            return s == null ? HealthStatus.down("indicator returned nothing") : s;
        } catch (RuntimeException e) {
            return HealthStatus.down("check failed: " + e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        pool.shutdownNow();
    }
}
