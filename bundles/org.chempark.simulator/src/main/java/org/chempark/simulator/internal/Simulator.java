package org.chempark.simulator.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chempark.asset.AssetService;
import org.chempark.asset.Enterprise;
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

    private final ParkModel model;
    private final List<SimDevice> devices;
    private final ModbusServers servers;
    private final ScheduledExecutorService ticker;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public Simulator(SimulatorConfig config, @Reference AssetService assets, @Reference ConfigurationAdmin configAdmin) throws IOException {
        devices = devices(assets.enterprises(), config.modbusBasePort(), assets);
        Set<String> names = new LinkedHashSet<>();
        devices.forEach(d -> names.add(d.name()));
        model = new ParkModel(assets.points(), assets.units(), names, config.seed());
        servers = new ModbusServers(InetAddress.getByName(config.bindAddress()), devices);
        Instant now = clock.instant();
        model.tick(now);
        servers.update(model, now);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chempark-simulator");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, config.tickMs(), config.tickMs(), TimeUnit.MILLISECONDS);
        if (config.createBridgeConfigs()) {
            createBridgeConfigs(configAdmin, config);
        }
        LOG.info("Virtual park simulator: {} points, {} Modbus devices on {}:{}-{}", model.pointCodes().size(), devices.size(),
                config.bindAddress(), config.modbusBasePort(), config.modbusBasePort() + 2 * Math.max(0, assets.enterprises().size()) - 1);
    }

    /** A gas-detector controller and a DCS per enterprise, in enterprise order; devices without points are left out. */
    static List<SimDevice> devices(List<Enterprise> enterprises, int basePort, AssetService assets) {
        List<SimDevice> out = new ArrayList<>();
        List<Enterprise> sorted = enterprises.stream().sorted(java.util.Comparator.comparing(Enterprise::code)).toList();
        var points = assets.points();
        for (int i = 0; i < sorted.size(); i++) {
            Enterprise e = sorted.get(i);
            List<String> gas = new ArrayList<>();
            List<String> dcs = new ArrayList<>();
            for (var p : points) {
                if (e.id().equals(p.enterpriseId())) {
                    boolean detector = switch (p.type()) {
                    case COMBUSTIBLE_GAS, TOXIC_GAS, OXYGEN -> true;
                    default -> false;
                    };
                    (detector ? gas : dcs).add(p.code());
                }
            }
            if (!gas.isEmpty()) {
                out.add(new SimDevice(e.code() + "-gds", "GDS", e.id(), e.code(), basePort + 2 * i, gas));
            }
            if (!dcs.isEmpty()) {
                out.add(new SimDevice(e.code() + "-dcs", "DCS", e.id(), e.code(), basePort + 2 * i + 1, dcs));
            }
        }
        return out;
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            model.tick(now);
            servers.update(model, now);
        } catch (RuntimeException e) {
            LOG.warn("Simulator tick failed: {}", e.toString());
        }
    }

    private void createBridgeConfigs(ConfigurationAdmin ca, SimulatorConfig config) throws IOException {
        int created = 0;
        for (SimDevice d : devices) {
            String name = "sim-" + d.name();
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
            p.put("createdBy", "chempark-simulator");
            c.update(p);
            created++;
        }
        if (created > 0) {
            LOG.info("Created {} Modbus bridge device configurations ({}) pointing at the simulator", created, BRIDGE_PID);
        }
    }

    ParkModel model() {
        return model;
    }

    List<SimDevice> devices() {
        return devices;
    }

    Map<String, Boolean> listening() {
        return servers.listening();
    }

    Instant now() {
        return clock.instant();
    }

    /** Starts a scenario and applies it to the served values at once. */
    Scenario start(ParkModel.Request r) {
        Instant now = clock.instant();
        Scenario s = model.start(r, now);
        servers.update(model, now);
        LOG.info("Scenario {} {} on {} for {} s", s.id(), s.type(), s.target(), r.durationSeconds());
        return s;
    }

    boolean cancel(String id) {
        boolean removed = model.cancel(id);
        if (removed) {
            servers.update(model, clock.instant());
            LOG.info("Scenario {} cancelled", id);
        }
        return removed;
    }

    @Deactivate
    public void deactivate() {
        ticker.shutdownNow();
        servers.close();
    }
}
