package org.chempark.telemetry.internal;

import java.time.Instant;

import org.chempark.sdk.telemetry.AlarmInfo;

/**
 * One alarm as stored in {@code telemetry.alarm}. {@code active} is the condition (limit still
 * exceeded); acknowledgement and shelving are separate, so a cleared alarm may still wait to be
 * acknowledged.
 */
public record Alarm(long id, long pointId, String pointCode, Long unitId, Long enterpriseId, String kind, int priority, double value,
        double limit, Instant raisedAt, boolean active, Instant clearedAt, Double clearedValue, Instant acknowledgedAt,
        String acknowledgedBy, String acknowledgeReason, Instant shelvedUntil, String shelvedBy, String shelveReason, int version) {

    public static final String ACTIVE = "ACTIVE", ACKNOWLEDGED = "ACKNOWLEDGED", CLEARED = "CLEARED", SHELVED = "SHELVED";

    /** SHELVED while shelved; CLEARED when the condition is gone; ACKNOWLEDGED or ACTIVE otherwise. */
    public String state() {
        if (active && shelvedUntil != null) {
            return SHELVED;
        }
        if (!active) {
            return CLEARED;
        }
        return acknowledgedAt != null ? ACKNOWLEDGED : ACTIVE;
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    public AlarmInfo info() {
        return new AlarmInfo(id, pointCode, pointId, unitId, enterpriseId, kind, priority, state(), value, limit, raisedAt);
    }

    Alarm cleared(Instant at, double v) {
        return new Alarm(id, pointId, pointCode, unitId, enterpriseId, kind, priority, value, limit, raisedAt, false, at, v, acknowledgedAt,
                acknowledgedBy, acknowledgeReason, null, shelvedBy, shelveReason, version + 1);
    }

    Alarm acknowledgedBy(Instant at, String who, String why) {
        return new Alarm(id, pointId, pointCode, unitId, enterpriseId, kind, priority, value, limit, raisedAt, active, clearedAt, clearedValue,
                at, who, why, shelvedUntil, shelvedBy, shelveReason, version + 1);
    }

    Alarm shelved(Instant until, String who, String why) {
        return new Alarm(id, pointId, pointCode, unitId, enterpriseId, kind, priority, value, limit, raisedAt, active, clearedAt, clearedValue,
                acknowledgedAt, acknowledgedBy, acknowledgeReason, until, who, why, version + 1);
    }
}
