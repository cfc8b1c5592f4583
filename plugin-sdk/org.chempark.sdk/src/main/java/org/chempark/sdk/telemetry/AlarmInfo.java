package org.chempark.sdk.telemetry;

import java.time.Instant;

/**
 * An alarm on a monitoring point as other modules see it. The same values travel as properties
 * of the Event Admin events on {@link #TOPIC_PREFIX}{@code RAISED|ACKNOWLEDGED|CLEARED|SHELVED}.
 *
 * @param id           alarm id
 * @param pointCode    monitoring point code
 * @param pointId      asset id of the point
 * @param unitId       the unit the point belongs to (null if unknown)
 * @param enterpriseId the enterprise the point belongs to (null if unknown)
 * @param kind         HH, H, L, LL, RATE, STALE, BAD_QUALITY
 * @param priority     1 (highest) … 4
 * @param state        ACTIVE, ACKNOWLEDGED, CLEARED, SHELVED
 * @param value        value that raised it
 * @param limit        limit it crossed (NaN for STALE/BAD_QUALITY)
 * @param raisedAt     when it was raised (timestamp of the reading)
 */
public record AlarmInfo(long id, String pointCode, Long pointId, Long unitId, Long enterpriseId, String kind, int priority,
        String state, double value, double limit, Instant raisedAt) {
    /** Event Admin topic prefix; the action follows: RAISED, ACKNOWLEDGED, CLEARED, SHELVED. */
    public static final String TOPIC_PREFIX = "org/chempark/telemetry/alarm/";
    /** Subscribe to every alarm event. */
    public static final String TOPIC_ALL = TOPIC_PREFIX + "*";

    /** Event property names (values as in the record; instants as epoch milliseconds). */
    public static final String ID = "alarmId", POINT_CODE = "pointCode", POINT_ID = "pointId", UNIT_ID = "unitId",
            ENTERPRISE_ID = "enterpriseId", KIND = "kind", PRIORITY = "priority", STATE = "state", VALUE = "value",
            LIMIT = "limit", RAISED_AT = "raisedAt";
}
