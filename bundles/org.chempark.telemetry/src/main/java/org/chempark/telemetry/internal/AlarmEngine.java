package org.chempark.telemetry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.telemetry.Quality;
import org.chempark.sdk.telemetry.Reading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limit evaluation and the alarm lifecycle. Per point and kind at most one alarm is active.
 *
 * <ul>
 * <li>HH/H (value ≥ limit) and L/LL (value ≤ limit): raised when the condition held for the
 * point class's on-delay (measured on reading timestamps), cleared when the value is back by
 * the deadband ({@code deadband_percent} of the measuring range, or of the limit when no range
 * is recorded).</li>
 * <li>RATE: |Δvalue/Δt| above the class's rate limit (units per second) between consecutive
 * readings; cleared by the next reading within the limit.</li>
 * <li>BAD_QUALITY: a BAD reading; limits are not evaluated on it; cleared by the next non-BAD reading.</li>
 * <li>STALE: no reading arrived for {@code stale_seconds} (communication loss); cleared by the next reading.</li>
 * </ul>
 * Acknowledge, shelve and unshelve are conditional updates (version), so concurrent or illegal
 * transitions answer 409. Every transition is written with its alarm event in one transaction
 * and then published to the listeners.
 */
public final class AlarmEngine implements IngestPipeline.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmEngine.class);
    static final Duration MAX_SHELVE = Duration.ofDays(7);

    /** Receives every alarm transition after it committed. */
    public interface Listener {
        void alarmChanged(String action, Alarm alarm);
    }

    private enum Limit {
        HH(true, 1), H(true, 2), L(false, 2), LL(false, 1);

        final boolean high;
        final int priority;

        Limit(boolean high, int priority) {
            this.high = high;
            this.priority = priority;
        }

        Double of(PointMeta p) {
            return switch (this) {
            case HH -> p.hh();
            case H -> p.h();
            case L -> p.l();
            case LL -> p.ll();
            };
        }
    }

    /** Evaluation state of one point. */
    private static final class PointState {
        Instant lastTs;
        double lastValue = Double.NaN;
        Instant lastReceived;
        final Map<Limit, Instant> pending = new EnumMap<>(Limit.class);
    }

    private record Change(String action, Alarm alarm) {
    }

    private final AlarmStore store;
    private final PointCatalog catalog;
    private final Settings settings;
    private final Clock clock;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, PointState> states = new HashMap<>();
    /** Active alarms by point id and kind. */
    private final Map<Long, Map<String, Alarm>> active = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong evaluated = new java.util.concurrent.atomic.AtomicLong();

    public AlarmEngine(AlarmStore store, PointCatalog catalog, Settings settings, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Loads the active alarms and the arrival time of every point's latest value. */
    public synchronized void load(LatestCache latest) throws SQLException {
        active.clear();
        states.clear();
        for (Alarm a : store.loadActive()) {
            active.computeIfAbsent(a.pointId(), k -> new ConcurrentHashMap<>()).put(a.kind(), a);
        }
        for (LatestCache.Entry e : latest.all()) {
            PointState s = state(e.pointId());
            s.lastTs = e.reading().timestamp();
            s.lastValue = e.reading().value();
            s.lastReceived = e.received();
        }
    }

    private PointState state(long pointId) {
        return states.computeIfAbsent(pointId, k -> new PointState());
    }

    /** Every active alarm (condition present), shelved ones included. */
    public List<Alarm> activeAlarms() {
        List<Alarm> out = new ArrayList<>();
        active.values().forEach(m -> out.addAll(m.values()));
        out.sort((a, b) -> a.priority() != b.priority() ? Integer.compare(a.priority(), b.priority()) : b.raisedAt().compareTo(a.raisedAt()));
        return out;
    }

    @Override
    public void stored(List<IngestPipeline.Accepted> accepted, Instant now) {
        List<Change> changes = new ArrayList<>();
        synchronized (this) {
            Tx tx = new Tx();
            try {
                for (IngestPipeline.Accepted a : accepted) {
                    evaluate(tx, a.point(), a.reading(), now);
                }
                tx.commit();
                changes.addAll(tx.changes);
            } catch (SQLException e) {
                tx.rollback();
                LOG.warn("Alarm transitions of a batch could not be stored: {}; reloading alarm state", e.getMessage());
                reloadActive();
                return;
            } finally {
                evaluated.incrementAndGet();
            }
        }
        publish(changes);
    }

    /** Batches evaluated so far. */
    long evaluatedBatches() {
        return evaluated.get();
    }

    /** The connection of one evaluation, opened when the first transition needs it. */
    private final class Tx {
        Connection c;
        final List<Change> changes = new ArrayList<>();

        Connection get() throws SQLException {
            if (c == null) {
                c = store.connection();
                c.setAutoCommit(false);
            }
            return c;
        }

        void commit() throws SQLException {
            if (c != null) {
                try {
                    c.commit();
                } finally {
                    close();
                }
            }
        }

        void rollback() {
            if (c != null) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is closed below either way
                } finally {
                    close();
                }
            }
        }

        private void close() {
            try {
                c.setAutoCommit(true);
                c.close();
            } catch (SQLException ignored) {
                // nothing left to do with it
            }
            c = null;
        }
    }

    private void reloadActive() {
        try {
            Map<Long, Map<String, Alarm>> fresh = new HashMap<>();
            for (Alarm a : store.loadActive()) {
                fresh.computeIfAbsent(a.pointId(), k -> new ConcurrentHashMap<>()).put(a.kind(), a);
            }
            active.clear();
            active.putAll(fresh);
        } catch (SQLException e) {
            LOG.warn("Active alarms could not be reloaded: {}", e.getMessage());
        }
    }

    private void evaluate(Tx tx, PointMeta p, Reading r, Instant now) throws SQLException {
        PointState s = state(p.id());
        s.lastReceived = now;
        Map<String, Alarm> open = active.computeIfAbsent(p.id(), k -> new ConcurrentHashMap<>());
        Alarm stale = open.get("STALE");
        if (stale != null) {
            clear(tx, open, stale, now, r.value(), "a reading arrived again");
        }
        if (s.lastTs != null && r.timestamp().isBefore(s.lastTs)) {
            return; // out of order: stored, but limits follow the newest reading
        }
        if (r.quality() == Quality.BAD) {
            if (!open.containsKey("BAD_QUALITY")) {
                raise(tx, open, p, "BAD_QUALITY", 3, r.value(), Double.NaN, r.timestamp(), "BAD quality from " + r.source());
            }
            s.pending.clear();
            s.lastTs = r.timestamp();
            return;
        }
        Alarm bad = open.get("BAD_QUALITY");
        if (bad != null) {
            clear(tx, open, bad, r.timestamp(), r.value(), "quality " + r.quality() + " again");
        }
        double v = r.value();
        for (Limit k : Limit.values()) {
            Double limit = k.of(p);
            Alarm a = open.get(k.name());
            if (limit == null) {
                if (a != null) {
                    clear(tx, open, a, r.timestamp(), v, "limit removed from the point");
                }
                continue;
            }
            boolean exceeded = k.high ? v >= limit : v <= limit;
            if (a == null) {
                if (!exceeded) {
                    s.pending.remove(k);
                    continue;
                }
                Instant since = s.pending.computeIfAbsent(k, x -> r.timestamp());
                long heldMs = Duration.between(since, r.timestamp()).toMillis();
                if (heldMs >= settings.onDelay(p.type())) {
                    s.pending.remove(k);
                    raise(tx, open, p, k.name(), k.priority, v, limit, r.timestamp(),
                            String.format("%s %s %s %s %s", p.code(), v, k.high ? "≥" : "≤", k.name(), limit));
                }
            } else {
                double band = deadband(p, limit);
                boolean back = k.high ? v < limit - band : v > limit + band;
                if (back) {
                    clear(tx, open, a, r.timestamp(), v, String.format("back within %s %s (deadband %s)", k.name(), limit, band));
                }
            }
        }
        double rateLimit = settings.rate(p.type());
        if (rateLimit > 0 && s.lastTs != null && Double.isFinite(s.lastValue)) {
            double dt = Duration.between(s.lastTs, r.timestamp()).toNanos() / 1e9;
            if (dt > 0) {
                double rate = Math.abs(v - s.lastValue) / dt;
                Alarm a = open.get("RATE");
                if (a == null && rate > rateLimit) {
                    raise(tx, open, p, "RATE", 3, v, rateLimit, r.timestamp(),
                            String.format("%s changes %.4g %s/s (limit %s)", p.code(), rate, p.unit() == null ? "" : p.unit(), rateLimit));
                } else if (a != null && rate <= rateLimit) {
                    clear(tx, open, a, r.timestamp(), v, String.format("rate %.4g/s within %s", rate, rateLimit));
                }
            }
        }
        s.lastTs = r.timestamp();
        s.lastValue = v;
    }

    private double deadband(PointMeta p, double limit) {
        double span = p.span();
        double base = Double.isFinite(span) ? span : Math.abs(limit);
        return base * settings.deadbandPercent() / 100.0;
    }

    private void raise(Tx tx, Map<String, Alarm> open, PointMeta p, String kind, int priority, double v, double limit, Instant at, String why)
            throws SQLException {
        Alarm a = AlarmStore.insert(tx.get(), new Alarm(0, p.id(), p.code(), p.unitId(), p.enterpriseId(), kind, priority, v, limit, at, true,
                null, null, null, null, null, null, null, null, 0), why);
        open.put(kind, a);
        tx.changes.add(new Change("RAISED", a));
    }

    private void clear(Tx tx, Map<String, Alarm> open, Alarm a, Instant at, double v, String why) throws SQLException {
        Alarm after = a.cleared(at, v);
        if (!AlarmStore.update(tx.get(), a, after)) {
            throw new SQLException("alarm " + a.id() + " changed concurrently");
        }
        AlarmStore.event(tx.get(), a.id(), at, "CLEARED", "system", why, v);
        open.remove(a.kind());
        tx.changes.add(new Change("CLEARED", after));
    }

    /**
     * Raises STALE for points without a reading for {@code stale_seconds} and unshelves alarms
     * whose shelving ended. Run every second.
     */
    public void tick() {
        Instant now = clock.instant();
        List<Change> changes = new ArrayList<>();
        synchronized (this) {
            Tx tx = new Tx();
            try {
                if (settings.staleSeconds() > 0) {
                    Instant limit = now.minusSeconds(settings.staleSeconds());
                    for (Map.Entry<Long, PointState> e : states.entrySet()) {
                        PointState s = e.getValue();
                        if (s.lastReceived == null || !s.lastReceived.isBefore(limit)) {
                            continue;
                        }
                        Map<String, Alarm> open = active.computeIfAbsent(e.getKey(), k -> new ConcurrentHashMap<>());
                        PointMeta p = catalog.byId(e.getKey());
                        if (p != null && !open.containsKey("STALE")) {
                            raise(tx, open, p, "STALE", 3, s.lastValue, Double.NaN, now,
                                    "no reading since " + s.lastReceived + " (" + settings.staleSeconds() + " s): communication loss");
                        }
                    }
                }
                for (Map<String, Alarm> open : active.values()) {
                    for (Alarm a : List.copyOf(open.values())) {
                        if (a.shelvedUntil() != null && !a.shelvedUntil().isAfter(now)) {
                            Alarm after = a.shelved(null, null, null);
                            if (AlarmStore.update(tx.get(), a, after)) {
                                AlarmStore.event(tx.get(), a.id(), now, "UNSHELVED", "system", "shelving ended", null);
                                open.put(a.kind(), after);
                                tx.changes.add(new Change("UNSHELVED", after));
                            }
                        }
                    }
                }
                tx.commit();
                changes.addAll(tx.changes);
            } catch (SQLException e) {
                tx.rollback();
                LOG.warn("Stale check failed: {}", e.getMessage());
                reloadActive();
                return;
            }
        }
        publish(changes);
    }

    // ---------------------------------------------------------------- operator actions

    /** Acknowledges an alarm (active or cleared); 409 when it already was acknowledged or changed meanwhile. */
    public Alarm acknowledge(Alarm seen, String who, String why) {
        if (seen.acknowledged()) {
            throw ProblemException.conflict("Alarm " + seen.id() + " was already acknowledged by " + seen.acknowledgedBy() + " at "
                    + seen.acknowledgedAt());
        }
        return transition(seen, seen.acknowledgedBy(clock.instant(), who, why), "ACKNOWLEDGED", who, why);
    }

    /** Shelves an active alarm until {@code until}; 409 when it is cleared or shelved, 422 for a bad time. */
    public Alarm shelve(Alarm seen, String who, String why, Instant until) {
        Instant now = clock.instant();
        if (until == null || !until.isAfter(now) || until.isAfter(now.plus(MAX_SHELVE))) {
            throw ProblemException.invalid(List.of(new FieldError("until", "range",
                    "until must be in the future and at most " + MAX_SHELVE.toDays() + " days ahead")));
        }
        if (!seen.active()) {
            throw ProblemException.conflict("Alarm " + seen.id() + " is cleared; only an active alarm can be shelved");
        }
        if (seen.shelvedUntil() != null) {
            throw ProblemException.conflict("Alarm " + seen.id() + " is already shelved until " + seen.shelvedUntil() + " by " + seen.shelvedBy());
        }
        return transition(seen, seen.shelved(until, who, why), "SHELVED", who, why + " (until " + until + ")");
    }

    /** Ends shelving; 409 when the alarm is not shelved. */
    public Alarm unshelve(Alarm seen, String who, String why) {
        if (seen.shelvedUntil() == null || !seen.active()) {
            throw ProblemException.conflict("Alarm " + seen.id() + " is not shelved");
        }
        return transition(seen, seen.shelved(null, null, null), "UNSHELVED", who, why);
    }

    private Alarm transition(Alarm seen, Alarm after, String action, String who, String why) {
        synchronized (this) {
            try (Connection c = store.connection()) {
                c.setAutoCommit(false);
                try {
                    if (!AlarmStore.update(c, seen, after)) {
                        c.rollback();
                        throw ProblemException.conflict("Alarm " + seen.id() + " changed meanwhile (it was cleared, acknowledged or shelved); "
                                + "reload it and try again");
                    }
                    AlarmStore.event(c, seen.id(), clock.instant(), action, who, why, null);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("alarm could not be updated: " + e.getMessage(), e);
            }
            Map<String, Alarm> open = active.get(after.pointId());
            if (open != null && open.containsKey(after.kind()) && open.get(after.kind()).id() == after.id()) {
                open.put(after.kind(), after);
            }
        }
        publish(List.of(new Change(action, after)));
        return after;
    }

    private void publish(List<Change> changes) {
        for (Change ch : changes) {
            for (Listener l : listeners) {
                try {
                    l.alarmChanged(ch.action(), ch.alarm());
                } catch (RuntimeException e) {
                    LOG.warn("Alarm listener {} failed: {}", l.getClass().getSimpleName(), e.toString());
                }
            }
        }
    }
}
