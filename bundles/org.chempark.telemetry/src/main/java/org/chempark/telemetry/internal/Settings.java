package org.chempark.telemetry.internal;

import java.util.EnumMap;
import java.util.Map;

import org.chempark.asset.PointType;

/** The configuration as plain values (also what unit tests build directly). */
public record Settings(int batchSize, int batchMaxDelayMs, int queueCapacity, int writers, int partitionDaysAhead,
        int acceptPastDays, Map<PointType, Integer> retentionDays, int staleSeconds, double deadbandPercent,
        Map<PointType, Integer> onDelayMs, Map<PointType, Double> rateLimit, int latestFlushMs, int pushThrottleMs,
        int deadLetterMaxBytes, boolean benchEnabled) {

    public static Settings defaults() {
        return builder().build();
    }

    public int retention(PointType t) {
        return retentionDays.get(t);
    }

    public int onDelay(PointType t) {
        return onDelayMs.get(t);
    }

    /** Rate limit in engineering units per second, or 0 when rate alarms are off for the class. */
    public double rate(PointType t) {
        return rateLimit.getOrDefault(t, 0.0);
    }

    static Settings of(TelemetryConfig c) {
        Builder b = builder();
        b.batchSize = c.batch_size();
        b.batchMaxDelayMs = c.batch_max_delay_ms();
        b.queueCapacity = c.queue_capacity();
        b.writers = c.writers();
        b.partitionDaysAhead = c.partition_days_ahead();
        b.acceptPastDays = c.accept_past_days();
        b.retentionDefault = c.retention_days_default();
        b.retention = parse(c.retention_days(), "retention_days");
        b.staleSeconds = c.stale_seconds();
        b.deadbandPercent = c.deadband_percent();
        b.onDelayDefault = c.on_delay_ms();
        b.onDelay = parse(c.on_delay_ms_per_class(), "on_delay_ms_per_class");
        b.rate = parse(c.rate_limit(), "rate_limit");
        b.latestFlushMs = c.latest_flush_ms();
        b.pushThrottleMs = c.push_throttle_ms();
        b.deadLetterMaxBytes = c.dead_letter_max_bytes();
        b.benchEnabled = c.bench_enabled();
        return b.build();
    }

    static Map<PointType, Double> parse(String[] entries, String attribute) {
        Map<PointType, Double> m = new EnumMap<>(PointType.class);
        if (entries == null) {
            return m;
        }
        for (String e : entries) {
            if (e == null || e.isBlank()) {
                continue;
            }
            int eq = e.indexOf('=');
            try {
                m.put(PointType.valueOf(e.substring(0, eq).trim()), Double.parseDouble(e.substring(eq + 1).trim()));
            } catch (RuntimeException bad) {
                throw new IllegalArgumentException(attribute + ": '" + e + "' is not POINT_TYPE=number (types: "
                        + java.util.Arrays.toString(PointType.values()) + ")");
            }
        }
        return m;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults of {@link TelemetryConfig}. */
    public static final class Builder {
        int batchSize = 10000, batchMaxDelayMs = 20, queueCapacity = 200000, writers = 2, partitionDaysAhead = 2, acceptPastDays = 7;
        int retentionDefault = 365, staleSeconds = 300, onDelayDefault = 0, latestFlushMs = 2000, pushThrottleMs = 500,
                deadLetterMaxBytes = 65536;
        double deadbandPercent = 1.0;
        boolean benchEnabled;
        Map<PointType, Double> retention = new EnumMap<>(Map.of(PointType.COMBUSTIBLE_GAS, 1095.0, PointType.TOXIC_GAS, 1095.0));
        Map<PointType, Double> onDelay = new EnumMap<>(PointType.class);
        Map<PointType, Double> rate = new EnumMap<>(PointType.class);

        public Builder batch(int size, int maxDelayMs) { batchSize = size; batchMaxDelayMs = maxDelayMs; return this; }
        public Builder queueCapacity(int c) { queueCapacity = c; return this; }
        public Builder writers(int w) { writers = w; return this; }
        public Builder acceptPastDays(int d) { acceptPastDays = d; return this; }
        public Builder retention(PointType t, int days) { retention.put(t, (double) days); return this; }
        public Builder retentionDefault(int days) { retentionDefault = days; return this; }
        public Builder staleSeconds(int s) { staleSeconds = s; return this; }
        public Builder deadbandPercent(double p) { deadbandPercent = p; return this; }
        public Builder onDelay(PointType t, int ms) { onDelay.put(t, (double) ms); return this; }
        public Builder onDelayDefault(int ms) { onDelayDefault = ms; return this; }
        public Builder rate(PointType t, double unitsPerSecond) { rate.put(t, unitsPerSecond); return this; }
        public Builder pushThrottleMs(int ms) { pushThrottleMs = ms; return this; }
        public Builder latestFlushMs(int ms) { latestFlushMs = ms; return this; }
        public Builder benchEnabled(boolean on) { benchEnabled = on; return this; }

        public Settings build() {
            Map<PointType, Integer> ret = new EnumMap<>(PointType.class);
            Map<PointType, Integer> od = new EnumMap<>(PointType.class);
            for (PointType t : PointType.values()) {
                ret.put(t, retention.containsKey(t) ? retention.get(t).intValue() : retentionDefault);
                od.put(t, onDelay.containsKey(t) ? onDelay.get(t).intValue() : onDelayDefault);
            }
            return new Settings(batchSize, batchMaxDelayMs, queueCapacity, writers, partitionDaysAhead, acceptPastDays, Map.copyOf(ret),
                    staleSeconds, deadbandPercent, Map.copyOf(od), Map.copyOf(new EnumMap<>(rate)), latestFlushMs, pushThrottleMs,
                    deadLetterMaxBytes, benchEnabled);
        }
    }
}
