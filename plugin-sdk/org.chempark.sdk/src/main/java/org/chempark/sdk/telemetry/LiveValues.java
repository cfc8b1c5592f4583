package org.chempark.sdk.telemetry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to the latest values and active alarms, offered as an OSGi service by the
 * telemetry module, for other modules (major hazard sources, risk model, emergency response).
 * Not scoped: callers apply the caller's data scope themselves.
 */
public interface LiveValues {
    /** The latest reading of a point, if one arrived since the platform started or is stored. */
    Optional<Reading> latest(String pointCode);

    /** The latest readings of the given points that have one. */
    Map<String, Reading> latest(Collection<String> pointCodes);

    /** Alarms that are active (raised and not cleared) now. */
    List<AlarmInfo> activeAlarms();
}
