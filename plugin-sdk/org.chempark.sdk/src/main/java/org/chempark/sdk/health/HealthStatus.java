package org.chempark.sdk.health;

import java.util.Map;
import java.util.Objects;

/**
 * One health check result.
 *
 * @param status  UP, DEGRADED or DOWN
 * @param detail  a sentence a park IT admin can act on (never a stack trace)
 * @param metrics optional numbers (latency, counts …)
 */
public record HealthStatus(Status status, String detail, Map<String, Object> metrics) {

    public enum Status { UP, DEGRADED, DOWN }

    public HealthStatus {
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    public static HealthStatus up(String detail) { return new HealthStatus(Status.UP, detail, Map.of()); }
    public static HealthStatus up(String detail, Map<String, Object> metrics) { return new HealthStatus(Status.UP, detail, metrics); }
    public static HealthStatus degraded(String detail) { return new HealthStatus(Status.DEGRADED, detail, Map.of()); }
    public static HealthStatus down(String detail) { return new HealthStatus(Status.DOWN, detail, Map.of()); }

    /** The worse of two statuses. */
    public static Status worst(Status a, Status b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
