package org.chempark.sdk.telemetry;

import java.time.Instant;
import java.util.List;

/**
 * Read access to stored readings, offered as an OSGi service by the telemetry module (e.g. for
 * OPC UA history read). Not scoped: callers apply the caller's data scope themselves.
 */
public interface ReadingHistory {
    /**
     * Raw readings of one point in {@code [from, to)}, oldest first, at most {@code limit}.
     */
    List<Reading> raw(String pointCode, Instant from, Instant to, int limit);
}
