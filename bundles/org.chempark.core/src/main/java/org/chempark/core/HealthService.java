package org.chempark.core;

/** Runs every registered health indicator. Available as an OSGi service. */
public interface HealthService {
    HealthReport check();
}
