package org.chempark.simulator.internal;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chempark.asset.AssetService;
import org.chempark.asset.Enterprise;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The virtual park: builds the {@link ParkModel} from the asset model, ticks it, serves the values
 * over Modbus TCP (one gas-detector controller and one DCS per enterprise) and, on first start,
 * creates the Modbus bridge's device configurations pointing at itself.
 */
@Component(service = Simulator.class, configurationPid = SimulatorConfig.PID, immediate = true)
@Designate(ocd = SimulatorConfig.class)
public class Simulator {
    static final String BRIDGE_PID = "org.chempark.bridge.modbus";
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

    static final String MQTT_DEVICE_PID = "org.chempark.bridge.mqtt.device";
    static final String OPCUA_PID = "org.chempark.bridge.opcua";
    static final String MQTT_BROKER_PID = "org.chempark.bridge.mqtt";
    static final String CREATED_BY = "chempark-simulator";

    private final ParkModel model;
    private final List<SimDevice> devices;
    private final ModbusServers servers;
    private final MqttPublishers publishers;
    private final OpcUaServers opcua;
    private final ScheduledExecutorService ticker;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public Simulator(SimulatorConfig config, @Reference AssetService assets, @Reference ConfigurationAdmin configAdmin, BundleContext context)
            throws IOException {
        devices = devices(assets.enterprises(), config.modbusBasePort(), assets, config.mqttEnabled(), config.opcuaEnterprises());
        Set<String> names = new LinkedHashSet<>();
        devices.forEach(d -> names.add(d.name()));
        model = new ParkModel(assets.points(), assets.units(), names, config.seed());
        servers = new ModbusServers(InetAddress.getByName(config.bindAddress()), devices.stream().filter(SimDevice::modbus).toList());
        List<SimDevice> gateways = devices.stream().filter(SimDevice::mqtt).toList();
        List<SimDevice> dcsServers = devices.stream().filter(SimDevice::opcua).toList();
        try {
            opcua = new OpcUaServers(config.bindAddress(), dcsServers);
        } catch (Exception e) {
            throw new IOException("cannot prepare the simulated OPC UA servers: " + e.getMessage(), e);
        }
        Map<String, String> secrets = gateways.isEmpty() ? Map.of()
                : mqttSecrets(gateways, configAdmin, context.getDataFile("mqtt-secrets.properties"), config.createBridgeConfigs());
        publishers = new MqttPublishers(brokerUrl(config, configAdmin), gateways, secrets);
        Instant now = clock.instant();
        model.tick(now);
        servers.update(model, now);
        opcua.update(model, now);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chempark-simulator");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, config.tickMs(), config.tickMs(), TimeUnit.MILLISECONDS);
        if (config.createBridgeConfigs()) {
            createModbusConfigs(configAdmin, config);
        }
        LOG.info("Virtual park simulator: {} points; {} Modbus devices and {} OPC UA DCS servers on {}:{}-{}; {} MQTT gateways",
                model.pointCodes().size(), devices.stream().filter(SimDevice::modbus).count(), dcsServers.size(), config.bindAddress(),
                config.modbusBasePort(), config.modbusBasePort() + 2 * Math.max(0, assets.enterprises().size()) - 1, gateways.size());
    }

    /** Name of the bridge configuration (and MQTT device id) of a simulated device. */
    static String bridgeName(SimDevice d) {
        return "sim-" + d.name();
    }

    private static String brokerUrl(SimulatorConfig config, ConfigurationAdmin ca) throws IOException {
        if (config.mqttBrokerUrl() != null && !config.mqttBrokerUrl().isBlank()) {
            return config.mqttBrokerUrl().strip();
        }
        Object port = null;
        try {
            Configuration[] cs = ca.listConfigurations("(service.pid=" + MQTT_BROKER_PID + ")");
            if (cs != null && cs.length > 0 && cs[0].getProperties() != null) {
                port = cs[0].getProperties().get("port");
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return "tcp://127.0.0.1:" + (port == null ? "1883" : String.valueOf(port).strip());
    }

    /**
     * The secrets the gateways log in with, kept in the bundle's data area (never in a
     * configuration: the MQTT device configuration holds only the PBKDF2 hash). A gateway
     * without a stored secret gets a new one, and its device configuration (created here, or
     * earlier by the simulator) the new hash.
     */
    private static Map<String, String> mqttSecrets(List<SimDevice> gateways, ConfigurationAdmin ca, File file, boolean create)
            throws IOException {
        Properties stored = new Properties();
        if (file != null && file.isFile()) {
            try (InputStream in = new FileInputStream(file)) {
                stored.load(in);
            }
        }
        boolean changed = false;
        int created = 0;
        for (SimDevice d : gateways) {
            String id = bridgeName(d);
            Configuration c = ca.getFactoryConfiguration(MQTT_DEVICE_PID, id, "?");
            Dictionary<String, Object> p = c.getProperties();
            boolean ours = p == null || CREATED_BY.equals(p.get("createdBy"));
            boolean needsSecret = stored.getProperty(id) == null || p == null || p.get("secretHash") == null
                    || String.valueOf(p.get("secretHash")).isBlank();
            if (!create || !ours || !needsSecret) {
                continue;
            }
            String secret = stored.getProperty(id) != null ? stored.getProperty(id) : MqttPublishers.newSecret();
            Dictionary<String, Object> np = new Hashtable<>();
            np.put("deviceId", id);
            np.put("enterpriseId", d.enterpriseId());
            np.put("description", "模拟流量计网关 Simulated flow-meter gateway " + d.enterpriseCode());
            np.put("enabled", true);
            np.put("secretHash", MqttPublishers.hash(secret));
            np.put("createdBy", CREATED_BY);
            c.update(np);
            stored.setProperty(id, secret);
            changed = true;
            created++;
        }
        if (changed && file != null) {
            file.getParentFile().mkdirs();
            try (OutputStream out = new FileOutputStream(file)) {
                stored.store(out, "MQTT secrets of the simulator's gateways (the broker keeps only their hashes)");
            }
            file.setReadable(false, false);
            file.setReadable(true, true);
            LOG.info("Created or renewed {} MQTT device configurations ({}) for the simulator's gateways", created, MQTT_DEVICE_PID);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : stored.stringPropertyNames()) {
            out.put(k, stored.getProperty(k));
        }
        return out;
    }

    /**
     * A gas-detector controller and a DCS per enterprise, in enterprise order (the DCS of the first
     * {@code opcuaEnterprises} over OPC UA, the others over Modbus), and (withMqtt) an MQTT gateway
     * for its flow meters; devices without points are left out.
     */
    static List<SimDevice> devices(List<Enterprise> enterprises, int basePort, AssetService assets, boolean withMqtt, int opcuaEnterprises) {
        List<SimDevice> out = new ArrayList<>();
        List<Enterprise> sorted = enterprises.stream().sorted(java.util.Comparator.comparing(Enterprise::code)).toList();
        var points = assets.points();
        for (int i = 0; i < sorted.size(); i++) {
            Enterprise e = sorted.get(i);
            List<String> gas = new ArrayList<>();
            List<String> dcs = new ArrayList<>();
            List<String> flow = new ArrayList<>();
            for (var p : points) {
                if (e.id().equals(p.enterpriseId())) {
                    switch (p.type()) {
                    case COMBUSTIBLE_GAS, TOXIC_GAS, OXYGEN -> gas.add(p.code());
                    case FLOW -> (withMqtt ? flow : dcs).add(p.code());
                    default -> dcs.add(p.code());
                    }
                }
            }
            if (!gas.isEmpty()) {
                out.add(new SimDevice(e.code() + "-gds", "GDS", e.id(), e.code(), basePort + 2 * i, gas));
            }
            if (!dcs.isEmpty()) {
                out.add(new SimDevice(e.code() + "-dcs", i < opcuaEnterprises ? "OPCUA" : "DCS", e.id(), e.code(), basePort + 2 * i + 1, dcs));
            }
            if (!flow.isEmpty()) {
                out.add(new SimDevice(e.code() + "-gw", "MQTT", e.id(), e.code(), 0, flow));
            }
        }
        return out;
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            model.tick(now);
            servers.update(model, now);
            opcua.update(model, now);
            publishers.update(model, now);
        } catch (RuntimeException e) {
            LOG.warn("Simulator tick failed: {}", e.toString());
        }
    }

    private void createModbusConfigs(ConfigurationAdmin ca, SimulatorConfig config) throws IOException {
        int created = 0;
        for (SimDevice d : devices) {
            if (d.opcua()) {
                created += createOpcUaConfig(ca, config, d);
                continue;
            }
            if (!d.modbus()) {
                continue;
            }
            String name = bridgeName(d);
            Configuration c = ca.getFactoryConfiguration(BRIDGE_PID, name, "?");
            if (c.getProperties() != null) {
                continue; // exists: the operator may have changed it
            }
            Dictionary<String, Object> p = new Hashtable<>();
            p.put("name", name);
            p.put("host", config.bindAddress());
            p.put("port", d.port());
            p.put("unitId", SimDevice.UNIT_ID);
            p.put("pollIntervalMs", config.bridgePollIntervalMs());
            p.put("timeoutMs", 1000);
            p.put("enabled", true);
            p.put("maxGap", 8);
            p.put("enterpriseId", d.enterpriseId());
            p.put("registerMap", d.registerMap());
            p.put("createdBy", CREATED_BY);
            c.update(p);
            created++;
        }
        if (created > 0) {
            LOG.info("Created {} Modbus bridge device configurations ({}) pointing at the simulator", created, BRIDGE_PID);
        }
    }

    /** The OPC UA client bridge's connection to a simulated DCS: anonymous, security None, points mapped by browse name. */
    private static int createOpcUaConfig(ConfigurationAdmin ca, SimulatorConfig config, SimDevice d) throws IOException {
        String name = bridgeName(d);
        Configuration c = ca.getFactoryConfiguration(OPCUA_PID, name, "?");
        if (c.getProperties() != null) {
            return 0;
        }
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("name", name);
        p.put("endpointUrl", OpcUaServers.url(config.bindAddress(), d.port()));
        p.put("securityPolicy", "None");
        p.put("auth", "anonymous");
        p.put("publishingInterval", config.bridgePollIntervalMs());
        p.put("samplingInterval", config.bridgePollIntervalMs());
        p.put("autoMapFolder", OpcUaServers.FOLDER);
        p.put("enterpriseId", d.enterpriseId());
        p.put("enabled", true);
        p.put("createdBy", CREATED_BY);
        c.update(p);
        return 1;
    }

    ParkModel model() {
        return model;
    }

    List<SimDevice> devices() {
        return devices;
    }

    /** Whether each device serves now: its Modbus port listens, or its MQTT gateway is connected. */
    Map<String, Boolean> listening() {
        Map<String, Boolean> out = new LinkedHashMap<>(servers.listening());
        out.putAll(opcua.running());
        out.putAll(publishers.connected());
        return out;
    }

    Instant now() {
        return clock.instant();
    }

    /** Starts a scenario and applies it to the served values at once. */
    Scenario start(ParkModel.Request r) {
        Instant now = clock.instant();
        Scenario s = model.start(r, now);
        servers.update(model, now);
        opcua.update(model, now);
        publishers.update(model, now);
        LOG.info("Scenario {} {} on {} for {} s", s.id(), s.type(), s.target(), r.durationSeconds());
        return s;
    }

    boolean cancel(String id) {
        boolean removed = model.cancel(id);
        if (removed) {
            Instant now = clock.instant();
            servers.update(model, now);
            opcua.update(model, now);
            publishers.update(model, now);
            LOG.info("Scenario {} cancelled", id);
        }
        return removed;
    }

    @Deactivate
    public void deactivate() {
        ticker.shutdownNow();
        servers.close();
        opcua.close();
        publishers.close();
    }
}
