package org.chempark.telemetry.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.chempark.telemetry}: pipeline sizes, retention and alarm rules. */
@ObjectClassDefinition(id = TelemetryConfig.PID, name = "ChemPark telemetry 在线监测",
        description = "Ingest pipeline, retention per point class and alarm rules")
public @interface TelemetryConfig {
    String PID = "org.chempark.telemetry";

    @AttributeDefinition(name = "Batch size", description = "Readings per COPY transaction (at most)", min = "1")
    int batch_size() default 10000;

    @AttributeDefinition(name = "Batch delay (ms)", description = "Longest a reading waits for its batch to fill", min = "0")
    int batch_max_delay_ms() default 20;

    @AttributeDefinition(name = "Queue capacity", description = "Readings accepted but not yet stored; submitters wait beyond it (back-pressure)", min = "1000")
    int queue_capacity() default 200000;

    @AttributeDefinition(name = "Writers", description = "Parallel COPY writers (database connections)", min = "1", max = "8")
    int writers() default 2;

    @AttributeDefinition(name = "Partitions ahead (days)", min = "1")
    int partition_days_ahead() default 2;

    @AttributeDefinition(name = "Accept past (days)", description = "Oldest reading timestamp accepted, in days before now", min = "1")
    int accept_past_days() default 7;

    @AttributeDefinition(name = "Default retention (days)", min = "1")
    int retention_days_default() default 365;

    @AttributeDefinition(name = "Retention per point class", description = "POINT_TYPE=days, e.g. COMBUSTIBLE_GAS=1095")
    String[] retention_days() default { "COMBUSTIBLE_GAS=1095", "TOXIC_GAS=1095" };

    @AttributeDefinition(name = "Stale after (s)", description = "No reading for this long raises a STALE (communication loss) alarm; 0 disables", min = "0")
    int stale_seconds() default 300;

    @AttributeDefinition(name = "Deadband (% of range)", description = "Hysteresis: a limit alarm clears only when the value is back by this much", min = "0")
    double deadband_percent() default 1.0;

    @AttributeDefinition(name = "On-delay (ms)", description = "A limit must be exceeded this long before the alarm is raised", min = "0")
    int on_delay_ms() default 0;

    @AttributeDefinition(name = "On-delay per point class", description = "POINT_TYPE=ms, e.g. LEVEL=5000")
    String[] on_delay_ms_per_class() default {};

    @AttributeDefinition(name = "Rate-of-change limit per point class", description = "POINT_TYPE=engineering units per second, e.g. PRESSURE=0.5; none set: no RATE alarms")
    String[] rate_limit() default {};

    @AttributeDefinition(name = "Latest values flush (ms)", min = "100")
    int latest_flush_ms() default 2000;

    @AttributeDefinition(name = "Live push throttle (ms)", description = "Latest values are pushed to browsers at most this often", min = "50")
    int push_throttle_ms() default 500;

    @AttributeDefinition(name = "Dead-letter payload limit (bytes)", min = "256")
    int dead_letter_max_bytes() default 65536;

    @AttributeDefinition(name = "Benchmark endpoints", description = "Enable POST /api/v1/telemetry/bench/* (test instances only: writes synthetic readings for real points)")
    boolean bench_enabled() default false;
}
