package org.chempark.sdk.health;

/**
 * A health check. Register as an OSGi service; {@code /api/v1/health} and
 * {@code chempark:health} call every registered indicator. Set the service property
 * {@link #MODULE} to the module id so the module registry can attribute it.
 * {@link #check()} must return quickly (well under a second) and never throw.
 */
public interface HealthIndicator {
    /** Service property naming the module an indicator belongs to. */
    String MODULE = "chempark.module";

    /** Short name, e.g. {@code database}, {@code camel}, {@code broker}. */
    String name();

    HealthStatus check();
}
