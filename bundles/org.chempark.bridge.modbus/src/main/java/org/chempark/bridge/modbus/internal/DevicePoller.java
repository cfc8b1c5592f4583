package org.chempark.bridge.modbus.internal;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.chempark.sdk.telemetry.Quality;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingSink;
import org.chempark.sdk.telemetry.SourceStatus;
import org.chempark.sdk.telemetry.SourceStatus.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;

/**
 * Polls one device: connects when needed, reads the planned blocks, decodes the points and
 * submits the readings. Not thread-safe by itself; the scheduler never runs one device's poll
 * twice at the same time ({@link #poll()} is synchronized anyway). A device that stops answering
 * becomes OFFLINE with the reason and is retried with a back-off up to {@link #MAX_BACKOFF_MS}.
 */
public class DevicePoller {
    static final long MAX_BACKOFF_MS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(DevicePoller.class);

    /** Settings of one device, validated. */
    public record Settings(String name, String host, int port, int unitId, int pollIntervalMs, int timeoutMs, boolean enabled,
            int maxRegistersPerRead, int maxGap, long enterpriseId) {
        public String sourceId() {
            return "modbus:" + name;
        }

        public String endpoint() {
            return "modbus-tcp://" + host + ":" + port + "/" + unitId;
        }
    }

    private final Settings settings;
    private final List<PointDef> points;
    private final List<Block> blocks;
    private final ReadingSink sink;
    private final Clock clock;
    private final String configProblem;

    private ModbusTCPMaster master;
    private volatile SourceStatus status;
    private long nextAttemptAt;
    private long backoffMs;
    private final AtomicLong readings = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong failedPolls = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private volatile long lastCycleNanos;
    private volatile Instant lastReading;
    private volatile String lastSubmitError;

    /**
     * @param points        the parsed register map, or null when it was invalid
     * @param configProblem why the configuration cannot be used (null when it can)
     */
    public DevicePoller(Settings settings, List<PointDef> points, String configProblem, ReadingSink sink, Clock clock) {
        this.settings = settings;
        this.sink = sink;
        this.clock = clock;
        this.configProblem = configProblem;
        this.points = points == null ? List.of() : List.copyOf(points);
        this.blocks = configProblem == null ? BlockPlanner.plan(this.points, settings.maxRegistersPerRead(), settings.maxGap()) : List.of();
        Instant now = clock.instant();
        if (configProblem != null) {
            status = new SourceStatus(State.OFFLINE, "configuration: " + configProblem, now, null, 0);
        } else if (!settings.enabled()) {
            status = new SourceStatus(State.DISABLED, "disabled in its configuration", now, null, 0);
        } else {
            status = new SourceStatus(State.CONNECTING, "not polled yet", now, null, 0);
        }
    }

    public Settings settings() {
        return settings;
    }

    public List<PointDef> points() {
        return points;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public boolean runnable() {
        return configProblem == null && settings.enabled();
    }

    public SourceStatus status() {
        SourceStatus s = status;
        return new SourceStatus(s.state(), s.reason(), s.since(), lastReading, readings.get());
    }

    /** Counters for the API and the benchmark. */
    public record Stats(long polls, long failedPolls, long requests, long readings, double lastCycleMs, String lastSubmitError) {
    }

    public Stats stats() {
        return new Stats(polls.get(), failedPolls.get(), requests.get(), readings.get(), lastCycleNanos / 1e6, lastSubmitError);
    }

    /** One poll cycle; returns the readings submitted (empty when offline or backing off). */
    public synchronized List<Reading> poll() {
        if (!runnable()) {
            return List.of();
        }
        long nowMs = clock.millis();
        if (nowMs < nextAttemptAt) {
            return List.of();
        }
        long t0 = System.nanoTime();
        try {
            if (master == null || !master.isConnected()) {
                if (master != null) {
                    master.disconnect();
                }
                master = new ModbusTCPMaster(settings.host(), settings.port(), settings.timeoutMs(), false, false);
                master.setRetries(0);
                master.connect();
            }
            Instant ts = clock.instant();
            List<Reading> out = new ArrayList<>(points.size());
            for (Block b : blocks) {
                readBlock(b, ts, out);
            }
            polls.incrementAndGet();
            lastCycleNanos = System.nanoTime() - t0;
            backoffMs = 0;
            if (status.state() != State.ONLINE) {
                LOG.info("Modbus device {} at {} is online ({} points in {} requests)", settings.name(), settings.endpoint(), points.size(),
                        blocks.size());
                status = new SourceStatus(State.ONLINE, null, ts, lastReading, 0);
            }
            if (!out.isEmpty()) {
                lastReading = ts;
                readings.addAndGet(out.size());
                sink.submit(out).whenComplete((r, e) -> lastSubmitError = e == null ? null : String.valueOf(e.getMessage()));
            }
            return out;
        } catch (Exception e) {
            failedPolls.incrementAndGet();
            lastCycleNanos = System.nanoTime() - t0;
            goOffline(reason(e), nowMs);
            return List.of();
        }
    }

    private void readBlock(Block b, Instant ts, List<Reading> out) throws Exception {
        InputRegister[] regs;
        requests.incrementAndGet();
        try {
            regs = b.function() == PointDef.Function.HOLDING ? master.readMultipleRegisters(settings.unitId(), b.start(), b.count())
                    : master.readInputRegisters(settings.unitId(), b.start(), b.count());
        } catch (ModbusSlaveException e) {
            // the device answered with an exception code: it is online, these points are BAD
            for (PointDef p : b.points()) {
                out.add(new Reading(p.code(), ts, Double.NaN, Quality.BAD, settings.sourceId()));
            }
            return;
        }
        if (regs == null || regs.length < b.count()) {
            throw new IllegalStateException("answered " + (regs == null ? 0 : regs.length) + " registers for a read of " + b.count());
        }
        int[] values = new int[regs.length];
        for (int i = 0; i < regs.length; i++) {
            values[i] = regs[i].toUnsignedShort();
        }
        for (PointDef p : b.points()) {
            double v = Decoder.decode(p, values, b.start());
            out.add(Double.isFinite(v) ? Reading.good(p.code(), ts, v, settings.sourceId())
                    : new Reading(p.code(), ts, Double.NaN, Quality.BAD, settings.sourceId()));
        }
    }

    private void goOffline(String reason, long nowMs) {
        if (master != null) {
            master.disconnect();
            master = null;
        }
        backoffMs = backoffMs == 0 ? settings.pollIntervalMs() : Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        nextAttemptAt = nowMs + backoffMs;
        SourceStatus s = status;
        if (s.state() != State.OFFLINE || !reason.equals(s.reason())) {
            if (s.state() != State.OFFLINE) {
                LOG.info("Modbus device {} at {} is offline: {}", settings.name(), settings.endpoint(), reason);
            }
            status = new SourceStatus(State.OFFLINE, reason, s.state() == State.OFFLINE ? s.since() : clock.instant(), lastReading, 0);
        }
    }

    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof ConnectException || root instanceof SocketTimeoutException) {
                break;
            }
            root = root.getCause();
        }
        if (root instanceof ConnectException) {
            return "connection refused or unreachable (" + root.getMessage() + ")";
        }
        if (root instanceof SocketTimeoutException) {
            return "no answer within the timeout";
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Closes the connection. */
    public synchronized void close() {
        if (master != null) {
            master.disconnect();
            master = null;
        }
    }
}
