package org.chempark.simulator.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An injected event, active from {@code startedAt} until {@code endsAt} or until cancelled.
 *
 * @param id       id to cancel it with
 * @param type     LEAK, OVERPRESSURE, FREEZE or OFFLINE
 * @param target   what it was started on (point code, unit code or device name)
 * @param points   the points it changes, with the value each one heads for (FREEZE: the frozen value)
 * @param devices  the devices it takes offline (OFFLINE only)
 */
public record Scenario(String id, Type type, String target, Instant startedAt, Instant endsAt, Map<String, Double> points,
        List<String> devices) {

    public enum Type {
        LEAK, OVERPRESSURE, FREEZE, OFFLINE
    }

    public Scenario {
        points = Map.copyOf(points);
        devices = List.copyOf(devices);
    }

    /** Seconds over which a leak or an overpressure builds up (a third of the duration, at most 30 s). */
    double rampSeconds() {
        return Math.min(30, Math.max(1, (endsAt.toEpochMilli() - startedAt.toEpochMilli()) / 3000.0));
    }

    boolean activeAt(Instant now) {
        return !now.isBefore(startedAt) && now.isBefore(endsAt);
    }
}
