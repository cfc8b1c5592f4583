package org.chempark.bridge.mqtt.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.chempark.sdk.telemetry.SourceStatus;
import org.chempark.sdk.telemetry.SourceStatus.State;
import org.osgi.service.component.annotations.Component;

/**
 * The configured MQTT devices (one per factory configuration) and their live state: connections
 * the broker authenticated, readings delivered, last reading. Shared by the broker's security
 * manager, the ingest consumer, the {@link MqttDevice} sources and the REST resource.
 */
@Component(service = DeviceRegistry.class)
public class DeviceRegistry {
    /** Device ids are MQTT user names and one level of the topic: no wildcards, separators or dots. */
    public static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Configuration of one device, as in its factory configuration. */
    public record Device(String deviceId, long enterpriseId, String description, boolean enabled, String secretHash) {
        public String sourceId() {
            return "mqtt:" + deviceId;
        }
    }

    /** Live state of one device. */
    public static final class DeviceState {
        final AtomicLong readings = new AtomicLong();
        final AtomicLong messages = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final Map<Object, Runnable> connections = new ConcurrentHashMap<>();
        volatile Instant lastReading;
        volatile Instant since;
        volatile String offlineReason = "never connected";

        DeviceState(Instant now) {
            since = now;
        }

        public long rejected() {
            return rejected.get();
        }

        public long messages() {
            return messages.get();
        }
    }

    private final Clock clock;
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private final Map<String, DeviceState> states = new ConcurrentHashMap<>();
    private final java.util.Set<Runnable> changeListeners = ConcurrentHashMap.newKeySet();

    public DeviceRegistry() {
        this(Clock.systemUTC());
    }

    DeviceRegistry(Clock clock) {
        this.clock = clock;
    }

    public void put(Device device) {
        Device old = devices.put(device.deviceId(), device);
        states.computeIfAbsent(device.deviceId(), id -> new DeviceState(clock.instant()));
        if (old != null && !old.equals(device)) {
            changed();
        }
    }

    public void remove(String deviceId, Device device) {
        if (devices.remove(deviceId, device)) {
            changed();
        }
    }

    /** Called after a device changed or went away (the broker drops its cached logins and permissions). */
    public void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    public void removeChangeListener(Runnable listener) {
        changeListeners.remove(listener);
    }

    private void changed() {
        changeListeners.forEach(Runnable::run);
    }

    public Optional<Device> find(String deviceId) {
        return Optional.ofNullable(deviceId == null ? null : devices.get(deviceId));
    }

    public Collection<Device> all() {
        return List.copyOf(devices.values());
    }

    public DeviceState state(String deviceId) {
        return states.computeIfAbsent(deviceId, id -> new DeviceState(clock.instant()));
    }

    /** The broker accepted a connection of this device; {@code close} drops it. */
    public void connected(String deviceId, Object connectionId, Runnable close) {
        DeviceState s = state(deviceId);
        if (s.connections.isEmpty()) {
            s.since = clock.instant();
        }
        s.connections.put(connectionId, close);
    }

    /** Drops every connection of this device (disabled, removed or secret changed). */
    public void disconnectAll(String deviceId, String reason) {
        DeviceState s = states.get(deviceId);
        if (s == null) {
            return;
        }
        for (Map.Entry<Object, Runnable> e : s.connections.entrySet()) {
            e.getValue().run();
            disconnected(deviceId, e.getKey(), reason);
        }
    }

    /** A connection of this device ended (disconnect, keep-alive timeout, broker stop). */
    public void disconnected(String deviceId, Object connectionId, String reason) {
        DeviceState s = state(deviceId);
        if (s.connections.remove(connectionId) != null && s.connections.isEmpty()) {
            s.offlineReason = reason;
            s.since = clock.instant();
        }
    }

    /** A message of this device was taken into the pipeline (stored readings or dead letter). */
    public void delivered(String deviceId, int readings, Instant last) {
        DeviceState s = state(deviceId);
        s.messages.incrementAndGet();
        s.readings.addAndGet(readings);
        Instant prev = s.lastReading;
        if (last != null && (prev == null || last.isAfter(prev))) {
            s.lastReading = last;
        }
    }

    public void rejected(String deviceId) {
        DeviceState s = state(deviceId);
        s.messages.incrementAndGet();
        s.rejected.incrementAndGet();
    }

    public SourceStatus status(String deviceId) {
        DeviceState s = state(deviceId);
        Device d = devices.get(deviceId);
        if (d != null && !d.enabled()) {
            return new SourceStatus(State.DISABLED, "disabled in its configuration", s.since, s.lastReading, s.readings.get());
        }
        if (!s.connections.isEmpty()) {
            return new SourceStatus(State.ONLINE, null, s.since, s.lastReading, s.readings.get());
        }
        return new SourceStatus(State.OFFLINE, s.offlineReason, s.since, s.lastReading, s.readings.get());
    }
}
