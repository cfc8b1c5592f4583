package org.chempark.bridge.mqtt.internal;

import org.chempark.sdk.telemetry.SourceStatus;
import org.chempark.sdk.telemetry.TelemetrySource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT device or edge gateway, from one factory configuration {@value #FACTORY_PID}; a
 * {@link TelemetrySource} with its status for as long as the configuration exists.
 */
@Component(service = TelemetrySource.class, immediate = true, configurationPid = MqttDevice.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = TelemetrySource.PROTOCOL + "=mqtt")
@Designate(ocd = MqttDevice.Config.class, factory = true)
public class MqttDevice implements TelemetrySource {
    public static final String FACTORY_PID = "org.chempark.bridge.mqtt.device";
    private static final Logger LOG = LoggerFactory.getLogger(MqttDevice.class);

    @ObjectClassDefinition(name = "ChemPark MQTT device MQTT 设备", description = "A device or edge gateway publishing to chempark/v1/{deviceId}/readings")
    public @interface Config {
        @AttributeDefinition(name = "Device id 设备编号", description = "MQTT user name and topic level: letters, digits, _ and -, at most 64")
        String deviceId();

        @AttributeDefinition(name = "Enterprise id 所属企业", description = "Asset-model id of the enterprise; 0 for park-level devices")
        long enterpriseId() default 0;

        @AttributeDefinition(name = "Description 说明", required = false)
        String description() default "";

        @AttributeDefinition(name = "Enabled 启用")
        boolean enabled() default true;

        @AttributeDefinition(name = "Secret hash 密钥散列", type = AttributeType.PASSWORD, required = false,
                description = "PBKDF2 hash; set it with POST /api/v1/mqtt/devices/{id}/secret, never the secret itself")
        String secretHash() default "";
    }

    private final DeviceRegistry registry;
    private volatile DeviceRegistry.Device device;

    @Activate
    public MqttDevice(Config config, @Reference DeviceRegistry registry) {
        this.registry = registry;
        apply(config);
    }

    @Modified
    void modified(Config config) {
        DeviceRegistry.Device old = device;
        apply(config);
        if (!old.deviceId().equals(device.deviceId())) {
            registry.remove(old.deviceId(), old);
            registry.disconnectAll(old.deviceId(), "device id changed");
        } else if (!device.enabled() && old.enabled()) {
            registry.disconnectAll(old.deviceId(), "disabled in its configuration");
        } else if (!java.util.Objects.equals(device.secretHash(), old.secretHash())) {
            registry.disconnectAll(old.deviceId(), "secret changed");
        }
    }

    private void apply(Config config) {
        String id = config.deviceId() == null ? "" : config.deviceId().trim();
        if (!DeviceRegistry.DEVICE_ID.matcher(id).matches()) {
            LOG.warn("MQTT device configuration ignored: deviceId \"{}\" must be 1-64 letters, digits, _ or -", id);
            throw new IllegalArgumentException("invalid deviceId " + id);
        }
        device = new DeviceRegistry.Device(id, config.enterpriseId(), config.description(), config.enabled(), config.secretHash());
        registry.put(device);
    }

    @Deactivate
    void deactivate() {
        registry.remove(device.deviceId(), device);
        registry.disconnectAll(device.deviceId(), "device configuration removed");
    }

    @Override
    public String id() {
        return device.sourceId();
    }

    @Override
    public String protocol() {
        return "mqtt";
    }

    @Override
    public String name() {
        DeviceRegistry.Device d = device;
        return d.description() == null || d.description().isBlank() ? d.deviceId() : d.description();
    }

    @Override
    public String endpoint() {
        return "mqtt topic chempark/v1/" + device.deviceId() + "/readings";
    }

    @Override
    public SourceStatus status() {
        return registry.status(device.deviceId());
    }

    @Override
    public long enterpriseId() {
        return Math.max(0, device.enterpriseId());
    }
}
