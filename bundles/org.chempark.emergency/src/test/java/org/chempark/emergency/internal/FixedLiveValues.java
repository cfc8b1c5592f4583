package org.chempark.emergency.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chempark.sdk.telemetry.AlarmInfo;
import org.chempark.sdk.telemetry.LiveValues;
import org.chempark.sdk.telemetry.Reading;

/** Latest readings as the telemetry module would report them (that module lives on another branch). */
final class FixedLiveValues implements LiveValues {
    final Map<String, Reading> latest = new LinkedHashMap<>();

    FixedLiveValues put(Reading r) {
        latest.put(r.pointId(), r);
        return this;
    }

    @Override
    public Optional<Reading> latest(String pointCode) {
        return Optional.ofNullable(latest.get(pointCode));
    }

    @Override
    public Map<String, Reading> latest(Collection<String> pointCodes) {
        Map<String, Reading> m = new LinkedHashMap<>();
        for (String c : pointCodes) {
            if (latest.containsKey(c)) {
                m.put(c, latest.get(c));
            }
        }
        return m;
    }

    @Override
    public List<AlarmInfo> activeAlarms() {
        return List.of();
    }
}
