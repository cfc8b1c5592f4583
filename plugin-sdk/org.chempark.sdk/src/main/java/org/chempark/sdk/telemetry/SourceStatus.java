package org.chempark.sdk.telemetry;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of one telemetry source (an OPC UA connection, a Modbus device, an MQTT device or
 * gateway). A device that drops is a status, not an error log.
 *
 * @param state       ONLINE, CONNECTING, OFFLINE or DISABLED
 * @param reason      why it is not ONLINE (null when ONLINE)
 * @param since       when it entered this state
 * @param lastReading timestamp of the last reading it delivered, null if none yet
 * @param readings    readings delivered since the source started
 */
public record SourceStatus(State state, String reason, Instant since, Instant lastReading, long readings) {
    public enum State {
        ONLINE, CONNECTING, OFFLINE, DISABLED
    }

    public SourceStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }
}
