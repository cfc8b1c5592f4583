package org.chempark.telemetry.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.chempark.sdk.telemetry.Reading;

/**
 * The latest reading of every point, in memory. Newer timestamps win. Changed points are
 * remembered twice: for the periodic flush to {@code telemetry.latest_value} and for the
 * throttled live push.
 */
public final class LatestCache {
    /** A point's latest reading and when it arrived. */
    public record Entry(long pointId, Reading reading, Instant received) {
    }

    private final Map<String, Entry> byCode = new ConcurrentHashMap<>();
    private final Set<String> unflushed = ConcurrentHashMap.newKeySet();
    private final Set<String> unpushed = ConcurrentHashMap.newKeySet();

    /** Records a reading if it is not older than what is there. */
    public void put(long pointId, Reading r, Instant received) {
        Entry e = new Entry(pointId, r, received);
        Entry now = byCode.merge(r.pointId(), e, (old, neu) -> neu.reading().timestamp().isBefore(old.reading().timestamp())
                ? new Entry(old.pointId(), old.reading(), neu.received()) : neu);
        if (now.reading() == r) {
            unflushed.add(r.pointId());
            unpushed.add(r.pointId());
        }
    }

    /** Loads stored values at start (no flush or push). */
    void load(Collection<Entry> stored) {
        for (Entry e : stored) {
            byCode.merge(e.reading().pointId(), e, (old, neu) -> neu.reading().timestamp().isAfter(old.reading().timestamp()) ? neu : old);
        }
    }

    public Entry get(String code) {
        return byCode.get(code);
    }

    public Collection<Entry> all() {
        return byCode.values();
    }

    /** Entries changed since the last call, for the database flush. */
    List<Entry> drainUnflushed() {
        return drain(unflushed);
    }

    /** Entries changed since the last call, for the live push. */
    List<Entry> drainUnpushed() {
        return drain(unpushed);
    }

    private List<Entry> drain(Set<String> set) {
        List<Entry> out = new ArrayList<>();
        for (String code : set) {
            set.remove(code);
            Entry e = byCode.get(code);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** Puts entries back when a flush failed. */
    void retryFlush(Collection<Entry> entries) {
        entries.forEach(e -> unflushed.add(e.reading().pointId()));
    }
}
