package org.chempark.core;

import java.time.Instant;
import java.util.Map;

import org.chempark.sdk.health.HealthStatus;

/**
 * The platform's health: the worst status of all indicators, and each one.
 *
 * @param components indicator results keyed {@code <module>.<name>}, e.g. {@code core.database}
 */
public record HealthReport(HealthStatus.Status status, Instant checkedAt, long uptimeSeconds, Map<String, HealthStatus> components) {
}
