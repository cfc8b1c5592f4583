package org.chempark.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * R-A.1 (every function a module that is installed and used alone) and R-A.3 (parks add
 * modules without redeploying the core): the SDK's example plugin is installed and removed
 * 20 times in the running platform, which keeps answering, and leaks neither threads, heap
 * nor bundles.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT extends ChemParkTestSupport {
    static final String FEATURE = "chempark-example";
    static final String MODULE = "example";
    static final String ROUTE = "example.tick";
    static final String HELLO = API + "/example/hello";
    static final int CYCLES = 20;
    static final Duration SWAP_TIMEOUT = Duration.ofSeconds(30);
    static final int MAX_THREAD_GROWTH = 10;
    static final long MAX_HEAP_GROWTH = 64L << 20;
    static final long POLL_MILLIS = 20;

    /** No refresh: a plugin must come and go without the core's bundles being rewired or restarted. */
    static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Inject
    private FeaturesService features;

    @Inject
    @Filter(value = "(camel.context.name=chempark)", timeout = 90_000)
    private CamelContext camel;

    @Test
    public void exampleModuleInstallsAndUninstallsTwentyTimesWhileTheCoreKeepsAnswering() throws Exception {
        assertTrue("feature " + FEATURE + " not in the distribution's repositories", features.getFeature(FEATURE) != null);
        assertFalse(FEATURE + " must not be installed at start (it is an available feature of the distribution)",
                features.isInstalled(features.getFeature(FEATURE)));
        assertNotServed(0);
        int bundlesAtStart = bundleContext.getBundles().length;

        Snapshot before = Snapshot.take();
        HealthWatcher watcher = new HealthWatcher();
        watcher.start();
        List<String> timings = new ArrayList<>();
        try {
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                long t0 = System.nanoTime();
                watcher.phase = "cycle " + cycle + " install";
                features.installFeature(FEATURE, NO_REFRESH);
                assertServed(cycle);
                long t1 = System.nanoTime();
                watcher.phase = "cycle " + cycle + " uninstall";
                features.uninstallFeature(FEATURE, NO_REFRESH);
                assertNotServed(cycle);
                long t2 = System.nanoTime();
                assertEquals("bundle count after uninstall in cycle " + cycle, bundlesAtStart, bundleContext.getBundles().length);
                timings.add(String.format("  cycle %2d: install+checks %5d ms, uninstall+checks %5d ms, /health failures so far %d",
                        cycle, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, watcher.failures.size()));
            }
        } finally {
            watcher.stop();
            if (features.isInstalled(features.getFeature(FEATURE))) {
                features.uninstallFeature(FEATURE, NO_REFRESH);
            }
        }
        assertTrue("the health poller ran too rarely to prove anything: " + watcher.polls.get() + " polls",
                watcher.polls.get() >= CYCLES);

        Snapshot after = Snapshot.take();
        int threadGrowth = after.threads - before.threads;
        long heapGrowth = after.usedHeap - before.usedHeap;
        String report = String.format("HotSwapIT leak check (%s, %d install/uninstall cycles of %s)%n"
                + "  live threads : before %d, after %d, growth %+d (limit +%d)%n"
                + "  used heap    : before %.1f MiB, after %.1f MiB, growth %+.1f MiB (limit +%d MiB)%n"
                + "  bundles      : start %d, end %d%n"
                + "  /health polls (every %d ms) during the swaps: %d, not 200: %d, longest outage ~%d ms%s%n%s%n",
                Instant.now(), CYCLES, FEATURE, before.threads, after.threads, threadGrowth, MAX_THREAD_GROWTH,
                mib(before.usedHeap), mib(after.usedHeap), mib(heapGrowth), MAX_HEAP_GROWTH >> 20,
                bundlesAtStart, bundleContext.getBundles().length, POLL_MILLIS, watcher.polls.get(), watcher.failures.size(),
                watcher.longestGapMillis,
                watcher.failures.isEmpty() ? "" : "\n    " + String.join("\n    ", watcher.failures.subList(0, Math.min(10, watcher.failures.size()))),
                String.join("\n", timings));
        System.out.println(report);
        Files.write(logDir().toPath().resolve("leak-check.txt"), report.getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);

        assertEquals("bundle count after " + CYCLES + " cycles", bundlesAtStart, bundleContext.getBundles().length);
        assertTrue("live threads grew by " + threadGrowth + " (> " + MAX_THREAD_GROWTH + "):\n" + report,
                threadGrowth <= MAX_THREAD_GROWTH);
        assertTrue(String.format("used heap grew by %.1f MiB (> %d MiB):%n%s", mib(heapGrowth), MAX_HEAP_GROWTH >> 20, report),
                heapGrowth <= MAX_HEAP_GROWTH);
        // R-A.3: adding or removing a module must not interrupt the core
        watcher.assertNoFailure("over " + CYCLES + " cycles");
    }

    /** After install: resource 200, ticks growing, route started, module listed. */
    private void assertServed(int cycle) throws Exception {
        String when = " (cycle " + cycle + ", after feature:install " + FEATURE + ")";
        await("GET " + HELLO + " answers 200 with route " + ROUTE + when, SWAP_TIMEOUT,
                () -> answers(HELLO, j -> ROUTE.equals(j.path("route").asText()) && j.has("ticks") && j.has("message")));
        long first = json(get(HELLO)).path("ticks").asLong();
        long t0 = System.nanoTime();
        // the timer fires every 100 ms: over ~300 ms the count must grow
        await("ticks grow past " + first + when, Duration.ofSeconds(5),
                () -> System.nanoTime() - t0 >= 300_000_000L && answers(HELLO, j -> j.path("ticks").asLong() > first));
        Route route = camel.getRoute(ROUTE);
        assertTrue("route " + ROUTE + " not in the CamelContext" + when + "; routes: " + camel.getRoutes(), route != null);
        await("route " + ROUTE + " started" + when, SWAP_TIMEOUT,
                () -> camel.getRouteController().getRouteStatus(ROUTE) == ServiceStatus.Started);
        await("module '" + MODULE + "' listed by " + API + "/modules" + when, SWAP_TIMEOUT,
                () -> moduleIds().contains(MODULE));
    }

    /** After uninstall (or before the first install): 404 problem, no route, module not listed. */
    private void assertNotServed(int cycle) throws Exception {
        String when = cycle == 0 ? " (before the first install)" : " (cycle " + cycle + ", after feature:uninstall " + FEATURE + ")";
        HttpResponse<String>[] last = lastHolder();
        await("GET " + HELLO + " answers 404 application/problem+json" + when, SWAP_TIMEOUT, () -> {
            last[0] = get(HELLO);
            return last[0].statusCode() == 404 && contentType(last[0]).startsWith("application/problem+json");
        });
        assertProblem(404, last[0]);
        await("route " + ROUTE + " removed from the CamelContext" + when, SWAP_TIMEOUT, () -> camel.getRoute(ROUTE) == null);
        await("module '" + MODULE + "' no longer listed by " + API + "/modules" + when, SWAP_TIMEOUT,
                () -> !moduleIds().contains(MODULE));
    }

    @SuppressWarnings("unchecked")
    private static HttpResponse<String>[] lastHolder() {
        return new HttpResponse[1];
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** Live threads and used heap of this JVM (the container's), after forcing GC. */
    private static final class Snapshot {
        final int threads;
        final long usedHeap;

        private Snapshot(int threads, long usedHeap) {
            this.threads = threads;
            this.usedHeap = usedHeap;
        }

        static Snapshot take() throws InterruptedException {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            // the other modules finish starting their own pools in the first minute: wait until the count holds still
            int stable = 0;
            int last = countThreads();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (stable < 6 && System.nanoTime() < deadline) {
                Thread.sleep(500);
                int now = countThreads();
                stable = Math.abs(now - last) <= 1 ? stable + 1 : 0;
                last = now;
            }
            for (int i = 0; i < 4; i++) {
                System.gc();
                Thread.sleep(200);
            }
            return new Snapshot(countThreads(), memory.getHeapMemoryUsage().getUsed());
        }

        /**
         * Live threads, without Jetty's request pool ("qtp…"): it grows with the test's own request load and shrinks
         * after its idle timeout, bounded by its maximum; a leak of the swapped module shows in the other threads.
         */
        static int countThreads() {
            int n = 0;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.isAlive() && !t.getName().startsWith("qtp")) {
                    n++;
                }
            }
            return n;
        }
    }

    /** Polls GET /api/v1/health every {@value #POLL_MILLIS} ms on its own thread; every answer must be 200. */
    private final class HealthWatcher implements Runnable {
        final AtomicInteger polls = new AtomicInteger();
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        /** Longest run of failed polls, first failure to next 200 (ms); 0 if none. */
        volatile long longestGapMillis;
        /** What the test is doing, recorded with each failure. */
        volatile String phase = "before the first install";
        private final Thread thread = new Thread(this, "itest-health-watcher");

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(15_000);
        }

        @Override
        public void run() {
            long gapStart = 0;
            while (running.get()) {
                boolean ok = false;
                try {
                    HttpResponse<String> r = get(API + "/health");
                    polls.incrementAndGet();
                    ok = r.statusCode() == 200;
                    if (!ok) {
                        failures.add(Instant.now() + " [" + phase + "] GET /health answered " + r.statusCode() + ": " + abbreviate(r.body()));
                    }
                } catch (IOException e) {
                    failures.add(Instant.now() + " [" + phase + "] GET /health failed: " + e);
                } catch (InterruptedException e) {
                    return;
                }
                long now = System.nanoTime();
                if (!ok && gapStart == 0) {
                    gapStart = now;
                } else if (ok && gapStart != 0) {
                    longestGapMillis = Math.max(longestGapMillis, (now - gapStart) / 1_000_000);
                    gapStart = 0;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void assertNoFailure(String when) {
            synchronized (failures) {
                if (!failures.isEmpty()) {
                    fail("/api/v1/health did not answer 200 throughout the hot swap (" + when + "), "
                            + failures.size() + " of " + polls.get() + " polls failed, longest outage ~" + longestGapMillis
                            + " ms; see target/exam-logs/HotSwapIT/leak-check.txt; first: " + failures.subList(0, Math.min(5, failures.size())));
                }
            }
        }
    }
}
