package org.chempark.core.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.chempark.core.HealthReport;
import org.chempark.core.HealthService;
import org.chempark.core.ModuleInfo;
import org.chempark.core.ModuleRegistry;
import org.chempark.sdk.health.HealthStatus;
import org.chempark.sdk.module.ChemParkModule;
import org.chempark.sdk.module.ModuleDescriptor;
import org.chempark.sdk.module.ModuleState;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lists the registered {@link ChemParkModule} services; a module is there while its bundle is active. */
@Component(service = ModuleRegistry.class)
public class ModuleRegistryImpl implements ModuleRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleRegistryImpl.class);

    /** The module list is polled by every open web UI: reuse a health report this young instead of checking again. */
    static final long HEALTH_REUSE_MILLIS = 2000;

    private final HealthService health;
    private final Map<ModuleDescriptor, Bundle> descriptors = new ConcurrentHashMap<>();
    private volatile HealthReport lastReport;
    private volatile long lastReportAt;

    @Activate
    public ModuleRegistryImpl(@Reference HealthService health) {
        this.health = health;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModule(ChemParkModule module, ServiceReference<ChemParkModule> ref) {
        ModuleDescriptor d = module.descriptor();
        descriptors.put(d, ref.getBundle());
        LOG.info("Module '{}' ({}) {} registered", d.id(), d.nameZh(), d.version());
    }

    void removeModule(ChemParkModule module) {
        ModuleDescriptor d = module.descriptor();
        if (descriptors.remove(d) != null) {
            LOG.info("Module '{}' ({}) unregistered", d.id(), d.nameZh());
        }
    }

    @Override
    public List<ModuleInfo> modules() {
        HealthReport report = recentHealth();
        return descriptors.entrySet().stream()
                .map(e -> info(e.getKey(), e.getValue(), report))
                .sorted(Comparator.comparing(ModuleInfo::id))
                .toList();
    }

    @Override
    public Optional<ModuleInfo> module(String id) {
        return descriptors.entrySet().stream().filter(e -> e.getKey().id().equals(id)).findFirst()
                .map(e -> info(e.getKey(), e.getValue(), recentHealth()));
    }

    private HealthReport recentHealth() {
        long now = System.currentTimeMillis();
        HealthReport r = lastReport;
        if (r == null || now - lastReportAt > HEALTH_REUSE_MILLIS) {
            r = health.check();
            lastReport = r;
            lastReportAt = now;
        }
        return r;
    }

    static ModuleInfo info(ModuleDescriptor d, Bundle bundle, HealthReport report) {
        Map<String, HealthStatus> own = new TreeMap<>();
        String prefix = d.id() + ".";
        report.components().forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                own.put(k.substring(prefix.length()), v);
            }
        });
        ModuleState state;
        if (bundle == null || bundle.getState() != Bundle.ACTIVE) {
            state = ModuleState.STOPPED;
        } else if (own.values().stream().anyMatch(s -> s.status() != HealthStatus.Status.UP)) {
            state = ModuleState.DEGRADED;
        } else {
            state = ModuleState.ACTIVE;
        }
        return new ModuleInfo(d.id(), d.nameZh(), d.nameEn(), d.version(), d.kind(), state, d.requirementIds(),
                d.permissions(), d.menu(), bundle == null ? null : bundle.getSymbolicName(), own);
    }
}
