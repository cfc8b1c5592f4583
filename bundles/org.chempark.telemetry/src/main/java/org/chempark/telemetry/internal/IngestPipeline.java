package org.chempark.telemetry.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.chempark.sdk.telemetry.Quality;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingSink;
import org.chempark.sdk.telemetry.TelemetrySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest pipeline behind {@link ReadingSink}: normalise → validate → batch → COPY (one
 * transaction per batch, together with the batch's unknown-point counts and dead letters) →
 * complete the submitters' stages → latest-value cache → limit evaluation.
 *
 * <p>Submissions wait in a queue bounded by readings ({@code queue_capacity}); a submitter
 * beyond it waits (back-pressure) up to {@link #SUBMIT_TIMEOUT_MS}, then its stage fails.
 * {@code writers} threads each drain up to {@code batch_size} readings (or what arrived within
 * {@code batch_max_delay_ms}) and COPY them.
 */
public final class IngestPipeline implements ReadingSink {
    private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
    static final long SUBMIT_TIMEOUT_MS = 30_000;

    /** Gets the readings of every committed batch (limit evaluation). */
    public interface Listener {
        void stored(List<Accepted> accepted, Instant now);
    }

    /** A stored reading with its point. */
    public record Accepted(PointMeta point, Reading reading) {
    }

    private record Submission(List<Reading> readings, CompletableFuture<IngestReceipt> done, int permits) {
    }

    /** Per-source counters (also for sources that are not registered as {@code TelemetrySource}). */
    public record SourceCounters(String source, long accepted, long unknown, long rejected, Instant lastReading, Instant lastReceived) {
    }

    private final ReadingStore store;
    private final PointCatalog catalog;
    private final LatestCache latest;
    private final Settings settings;
    private final Listener listener;
    private final Clock clock;
    private final BlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    private final Semaphore capacity;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    final AtomicLong accepted = new AtomicLong(), unknown = new AtomicLong(), rejected = new AtomicLong(), deadLetters = new AtomicLong(),
            batches = new AtomicLong(), failedBatches = new AtomicLong();
    private final Map<String, AtomicLong> deadLetterReasons = new ConcurrentHashMap<>();
    private final Map<String, SourceCounters> sources = new ConcurrentHashMap<>();
    /** The registered sources by id: whose enterprise a reading's source belongs to. */
    private final Map<String, TelemetrySource> registered = new ConcurrentHashMap<>();

    public IngestPipeline(ReadingStore store, PointCatalog catalog, LatestCache latest, Settings settings, Listener listener, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.latest = latest;
        this.settings = settings;
        this.listener = listener;
        this.clock = clock;
        this.capacity = new Semaphore(settings.queueCapacity());
        for (int i = 0; i < settings.writers(); i++) {
            Thread t = new Thread(this::writeLoop, "chempark-telemetry-writer-" + i);
            t.setDaemon(true);
            writers.add(t);
            t.start();
        }
    }

    /** A source registered: from now on its readings are checked against its enterprise. */
    public void addSource(TelemetrySource source) {
        registered.put(source.id(), source);
    }

    public void removeSource(TelemetrySource source) {
        registered.values().removeIf(s -> s == source);
    }

    /** The enterprise of a registered source, 0 for a park-level or an unregistered one. */
    long enterpriseOf(String sourceId) {
        TelemetrySource s = registered.get(sourceId);
        if (s == null || !sourceId.equals(s.id())) {
            // a source's id can change with its configuration (an MQTT device renamed in place)
            s = registered.values().stream().filter(x -> sourceId.equals(x.id())).findFirst().orElse(null);
            if (s != null) {
                registered.put(sourceId, s);
            }
        }
        return s == null ? 0 : s.enterpriseId();
    }

    @Override
    public CompletionStage<IngestReceipt> submit(List<Reading> readings) {
        CompletableFuture<IngestReceipt> done = new CompletableFuture<>();
        if (readings == null || readings.isEmpty()) {
            done.complete(new IngestReceipt(0, 0, 0));
            return done;
        }
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the telemetry pipeline is stopped"));
            return done;
        }
        int permits = Math.min(readings.size(), settings.queueCapacity());
        try {
            if (!capacity.tryAcquire(permits, SUBMIT_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                done.completeExceptionally(new IllegalStateException(
                        "the telemetry pipeline is overloaded: " + settings.queueCapacity() + " readings waiting for " + SUBMIT_TIMEOUT_MS + " ms"));
                return done;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(e);
            return done;
        }
        queue.add(new Submission(List.copyOf(readings), done, permits));
        return done;
    }

    @Override
    public void rejectPayload(String source, String reason, byte[] payload) {
        Instant now = clock.instant();
        try (Connection c = store.dataSource().getConnection()) {
            ReadingStore.insertDeadLetters(c, List.of(new ReadingStore.DeadLetter(source, reason, payload, now)), settings.deadLetterMaxBytes());
        } catch (SQLException e) {
            throw new IllegalStateException("dead letter could not be stored: " + e.getMessage(), e);
        }
        countDeadLetter(reason);
    }

    private void countDeadLetter(String reason) {
        deadLetters.incrementAndGet();
        String key = reason == null ? "?" : reason.length() > 80 ? reason.substring(0, 80) : reason;
        // reasons of rejected readings carry the point code after ':'; count by the kind of reason
        int colon = key.indexOf(':');
        deadLetterReasons.computeIfAbsent(colon > 0 ? key.substring(0, colon) : key, k -> new AtomicLong()).incrementAndGet();
    }

    private void writeLoop() {
        List<Submission> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Submission first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int size = first.readings().size();
                long deadline = System.nanoTime() + settings.batchMaxDelayMs() * 1_000_000L;
                while (size < settings.batchSize()) {
                    Submission next = queue.poll();
                    if (next == null) {
                        long wait = deadline - System.nanoTime();
                        if (wait <= 0 || (next = queue.poll(wait, TimeUnit.NANOSECONDS)) == null) {
                            break;
                        }
                    }
                    batch.add(next);
                    size += next.readings().size();
                }
                write(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (RuntimeException e) {
                LOG.warn("Telemetry batch failed: {}", e.toString());
                batch.forEach(s -> s.done().completeExceptionally(e));
            } finally {
                batch.forEach(s -> capacity.release(s.permits()));
                batch.clear();
            }
        }
    }

    private void write(List<Submission> batch) {
        Instant now = clock.instant();
        int total = batch.stream().mapToInt(s -> s.readings().size()).sum();
        ReadingStore.CopyBuffer copy = new ReadingStore.CopyBuffer(total);
        List<Accepted> ok = new ArrayList<>(total);
        Map<String, ReadingStore.UnknownCount> unknownCounts = new HashMap<>();
        List<ReadingStore.DeadLetter> letters = new ArrayList<>();
        int[][] receipts = new int[batch.size()][3];
        Map<String, long[]> perSource = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            for (Reading r0 : batch.get(i).readings()) {
                Reading r = normalise(r0);
                // accepted, unknown, rejected, newest reading (epoch ms), the source's enterprise
                long[] src = perSource.computeIfAbsent(r.source(), k -> new long[] { 0, 0, 0, 0, enterpriseOf(k) });
                PointMeta p = catalog.byCode(r.pointId());
                if (p == null) {
                    receipts[i][1]++;
                    src[1]++;
                    unknownCounts.merge(r.pointId() + '\u0000' + r.source(), new ReadingStore.UnknownCount(r.pointId(), r.source(), 1, now, now),
                            (a, b) -> new ReadingStore.UnknownCount(a.code(), a.source(), a.count() + 1, a.first(), b.last()));
                    continue;
                }
                String invalid = src[4] > 0 ? foreign(r, p, src[4]) : null;
                if (invalid == null) {
                    invalid = validate(r, p, now);
                }
                if (invalid != null) {
                    receipts[i][2]++;
                    src[2]++;
                    letters.add(new ReadingStore.DeadLetter(r.source(), invalid, describe(r).getBytes(StandardCharsets.UTF_8), now));
                    continue;
                }
                copy.add(p.id(), r.timestamp(), r.value(), r.quality(), p.type().ordinal());
                ok.add(new Accepted(p, r));
                receipts[i][0]++;
                src[0]++;
                if (src[3] < r.timestamp().toEpochMilli()) {
                    src[3] = r.timestamp().toEpochMilli();
                }
            }
        }
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                ReadingStore.copy(c, copy);
                ReadingStore.upsertUnknown(c, unknownCounts.values());
                ReadingStore.insertDeadLetters(c, letters, settings.deadLetterMaxBytes());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            failedBatches.incrementAndGet();
            LOG.warn("Telemetry batch of {} readings could not be stored: {}", total, e.getMessage());
            IllegalStateException failure = new IllegalStateException("readings could not be stored: " + e.getMessage(), e);
            batch.forEach(s -> s.done().completeExceptionally(failure));
            return;
        }
        // durable: tell the submitters, then update the cache and evaluate limits
        batches.incrementAndGet();
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(new IngestReceipt(receipts[i][0], receipts[i][1], receipts[i][2]));
        }
        long acc = 0, unk = 0, rej = 0;
        for (Map.Entry<String, long[]> e : perSource.entrySet()) {
            long[] v = e.getValue();
            acc += v[0];
            unk += v[1];
            rej += v[2];
            sources.merge(e.getKey(), new SourceCounters(e.getKey(), v[0], v[1], v[2], v[3] == 0 ? null : Instant.ofEpochMilli(v[3]), now),
                    (a, b) -> new SourceCounters(a.source(), a.accepted() + b.accepted(), a.unknown() + b.unknown(), a.rejected() + b.rejected(),
                            b.lastReading() == null || (a.lastReading() != null && a.lastReading().isAfter(b.lastReading())) ? a.lastReading()
                                    : b.lastReading(), now));
        }
        accepted.addAndGet(acc);
        unknown.addAndGet(unk);
        rejected.addAndGet(rej);
        letters.forEach(l -> countDeadLetter(l.reason()));
        // the cache only needs each point's newest reading of the batch
        Map<Long, Reading> newest = new HashMap<>();
        for (Accepted a : ok) {
            newest.merge(a.point().id(), a.reading(), (x, y) -> y.timestamp().isBefore(x.timestamp()) ? x : y);
        }
        newest.forEach((id, r) -> latest.put(id, r, now));
        if (listener != null && !ok.isEmpty()) {
            try {
                listener.stored(ok, now);
            } catch (RuntimeException e) {
                LOG.warn("Limit evaluation failed for a batch: {}", e.toString());
            }
        }
    }

    /** Trims the point code and source; a BAD reading keeps NaN as its value. */
    static Reading normalise(Reading r) {
        String code = r.pointId().strip();
        String source = r.source().strip();
        if (code.equals(r.pointId()) && source.equals(r.source())) {
            return r;
        }
        return new Reading(code, r.timestamp(), r.value(), r.quality(), source.isEmpty() ? "?" : source);
    }

    /**
     * Why a reading of a source that belongs to an enterprise cannot be stored for this point (it
     * is another enterprise's or the park's), or null when the point is the source's enterprise's.
     */
    static String foreign(Reading r, PointMeta p, long sourceEnterprise) {
        if (p.enterpriseId() != null && p.enterpriseId() == sourceEnterprise) {
            return null;
        }
        return "point of another enterprise: " + r.pointId() + " belongs to " + (p.enterpriseId() == null ? "the park"
                : "enterprise " + p.enterpriseId()) + ", the source " + r.source() + " to enterprise " + sourceEnterprise
                + " (a source may deliver only its own enterprise's points; correct the source's or the point's enterprise)";
    }

    /** Why a reading of a known point cannot be stored, or null when it can. */
    String validate(Reading r, PointMeta p, Instant now) {
        if (r.quality() != Quality.BAD && !Double.isFinite(r.value())) {
            return "value not finite: " + r.pointId() + " has " + r.value() + " with quality " + r.quality();
        }
        if (r.timestamp().isAfter(now.plusSeconds(600))) {
            return "timestamp in the future: " + r.pointId() + " at " + r.timestamp() + " (more than 10 min ahead of the platform clock)";
        }
        if (!store.hasPartition(r.timestamp(), p.type())) {
            return "timestamp out of range: " + r.pointId() + " at " + r.timestamp() + " (older than " + settings.acceptPastDays()
                    + " days or than the retention of " + p.type() + ")";
        }
        return null;
    }

    private static String describe(Reading r) {
        return "{\"pointId\":\"" + r.pointId().replace("\"", "\\\"") + "\",\"timestamp\":\"" + r.timestamp() + "\",\"value\":"
                + (Double.isFinite(r.value()) ? Double.toString(r.value()) : "\"" + r.value() + "\"") + ",\"quality\":\"" + r.quality()
                + "\",\"source\":\"" + r.source().replace("\"", "\\\"") + "\"}";
    }

    /** Readings waiting for a writer. */
    public int queued() {
        return settings.queueCapacity() - capacity.availablePermits();
    }

    public Map<String, Object> counters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accepted", accepted.get());
        m.put("unknown", unknown.get());
        m.put("rejected", rejected.get());
        m.put("deadLetters", deadLetters.get());
        m.put("deadLettersByReason", new java.util.TreeMap<>(deadLetterReasons.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()))));
        m.put("batches", batches.get());
        m.put("failedBatches", failedBatches.get());
        m.put("queued", queued());
        m.put("queueCapacity", settings.queueCapacity());
        return m;
    }

    public Map<String, SourceCounters> sourceCounters() {
        return sources;
    }

    /** Stops accepting, stores what is queued, and stops the writers. */
    public void close() {
        running = false;
        for (Thread t : writers) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Submission s;
        while ((s = queue.poll()) != null) {
            s.done().completeExceptionally(new IllegalStateException("the telemetry pipeline stopped before the batch was stored"));
        }
    }
}
