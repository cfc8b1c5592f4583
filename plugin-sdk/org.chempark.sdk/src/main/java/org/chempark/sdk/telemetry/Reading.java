package org.chempark.sdk.telemetry;

import java.time.Instant;
import java.util.Objects;

/**
 * The one normalised telemetry record every protocol bridge produces.
 *
 * @param pointId   monitoring point code, as in the asset model
 * @param timestamp source timestamp (when the value was measured)
 * @param value     the value in the point's engineering unit; NaN when quality is BAD and no value exists
 * @param quality   GOOD, UNCERTAIN or BAD
 * @param source    where it came from, e.g. {@code opcua:dcs-01}, {@code modbus:gds-3}, {@code mqtt:gw-7}
 */
public record Reading(String pointId, Instant timestamp, double value, Quality quality, String source) {
    public Reading {
        Objects.requireNonNull(pointId, "pointId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(source, "source");
        if (pointId.isBlank()) {
            throw new IllegalArgumentException("pointId must not be blank");
        }
        if (quality == Quality.GOOD && !Double.isFinite(value)) {
            throw new IllegalArgumentException("a GOOD reading needs a finite value, got " + value);
        }
    }

    public static Reading good(String pointId, Instant timestamp, double value, String source) {
        return new Reading(pointId, timestamp, value, Quality.GOOD, source);
    }
}
