package org.chempark.bridge.modbus.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.regex.Pattern;

import org.chempark.sdk.telemetry.ReadingSink;
import org.chempark.sdk.telemetry.SourceStatus;
import org.chempark.sdk.telemetry.TelemetrySource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One Modbus TCP device, created for each factory configuration {@value ModbusDeviceConfig#PID}.
 * Registered as a {@link TelemetrySource} so its status shows in {@code /api/v1/telemetry/sources}
 * and {@code chempark:sources}; an invalid configuration is shown as OFFLINE with the problem.
 */
@Component(service = { TelemetrySource.class, ModbusDevice.class }, configurationPid = ModbusDeviceConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = TelemetrySource.PROTOCOL + "=modbus")
@Designate(ocd = ModbusDeviceConfig.class, factory = true)
public class ModbusDevice implements TelemetrySource {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final DevicePoller poller;
    private final ScheduledFuture<?> task;

    @Activate
    public ModbusDevice(ModbusDeviceConfig config, @Reference PollScheduler scheduler, @Reference ReadingSink sink) {
        List<String> problems = new ArrayList<>();
        List<PointDef> points = null;
        String name = config.name() == null ? "" : config.name().strip();
        if (!NAME.matcher(name).matches()) {
            problems.add("name '" + name + "' must be 1-64 letters, digits, '-', '_' or '.'");
        }
        if (config.host() == null || config.host().isBlank()) {
            problems.add("host is empty");
        }
        if (config.port() < 1 || config.port() > 65535) {
            problems.add("port " + config.port() + " must be 1-65535");
        }
        if (config.unitId() < 0 || config.unitId() > 255) {
            problems.add("unitId " + config.unitId() + " must be 0-255");
        }
        if (config.pollIntervalMs() < 100) {
            problems.add("pollIntervalMs " + config.pollIntervalMs() + " must be at least 100");
        }
        if (config.timeoutMs() < 50) {
            problems.add("timeoutMs " + config.timeoutMs() + " must be at least 50");
        }
        if (config.maxRegistersPerRead() < 2 || config.maxRegistersPerRead() > BlockPlanner.PROTOCOL_MAX) {
            problems.add("maxRegistersPerRead " + config.maxRegistersPerRead() + " must be 2-125");
        }
        if (config.maxGap() < 0) {
            problems.add("maxGap must not be negative");
        }
        try {
            points = RegisterMap.parse(config.registerMap());
        } catch (RegisterMapException e) {
            problems.add("register map: " + e.getMessage());
        }
        DevicePoller.Settings s = new DevicePoller.Settings(name.isEmpty() ? "unnamed" : name, config.host(), config.port(), config.unitId(),
                Math.max(100, config.pollIntervalMs()), Math.max(50, config.timeoutMs()),
                config.enabled(), Math.min(BlockPlanner.PROTOCOL_MAX, Math.max(2, config.maxRegistersPerRead())), Math.max(0, config.maxGap()),
                config.enterpriseId());
        poller = new DevicePoller(s, points, problems.isEmpty() ? null : String.join("; ", problems), sink, Clock.systemUTC());
        task = poller.runnable() ? scheduler.everyMillis(poller::poll, s.pollIntervalMs()) : null;
    }

    @Deactivate
    public void deactivate() {
        if (task != null) {
            task.cancel(false);
        }
        poller.close();
    }

    DevicePoller poller() {
        return poller;
    }

    @Override
    public String id() {
        return poller.settings().sourceId();
    }

    @Override
    public String protocol() {
        return "modbus";
    }

    @Override
    public String name() {
        return poller.settings().name();
    }

    @Override
    public String endpoint() {
        return poller.settings().endpoint();
    }

    @Override
    public SourceStatus status() {
        return poller.status();
    }

    @Override
    public long enterpriseId() {
        return Math.max(0, poller.settings().enterpriseId());
    }
}
