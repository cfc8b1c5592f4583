package org.chempark.asset.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManagerFactory;

import org.chempark.asset.AssetService;
import org.chempark.asset.Chemical;
import org.chempark.asset.Enterprise;
import org.chempark.asset.Equipment;
import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.Park;
import org.chempark.asset.Unit;
import org.chempark.sdk.persistence.SchemaMigrator;
import org.chempark.sdk.security.Subject;
import org.chempark.sdk.security.SubjectHolder;
import org.chempark.sdk.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.chempark.sdk.event.EventTopics;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asset module's data service: migrates the {@code asset} schema when it starts, loads the
 * demo park into an empty database, and serves reads to other modules.
 */
@Component(service = { AssetService.class, AssetServiceImpl.class }, configurationPid = AssetConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AssetConfig.class)
public class AssetServiceImpl implements AssetService {
    private static final Logger LOG = LoggerFactory.getLogger(AssetServiceImpl.class);
    static final String[] MIGRATIONS = { "V1__asset_model.sql" };
    /** Other modules read the whole park through {@link AssetService}; they are not a user with a data scope. */
    private static final Subject SYSTEM = Subject.system("asset");

    final AssetStore store;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin events;

    @Activate
    public AssetServiceImpl(@Reference SchemaMigrator migrator,
            @Reference(target = "(osgi.unit.name=chempark.asset)") EntityManagerFactory emf, AssetConfig config) {
        migrator.migrate("asset", AssetServiceImpl.class.getClassLoader(), "db/asset", MIGRATIONS);
        this.store = new AssetStore(new Tx(emf));
        if (config.demo_load() && store.isEmpty()) {
            long t0 = System.nanoTime();
            try (InputStream in = AssetServiceImpl.class.getClassLoader().getResourceAsStream(DemoPark.RESOURCE)) {
                if (in == null) {
                    LOG.warn("Demo park data {} is missing from the asset bundle; starting with an empty park", DemoPark.RESOURCE);
                } else {
                    DemoPark.Counts c = SubjectHolder.runAs(SYSTEM, () -> DemoPark.load(store, in));
                    LOG.info("Demo park loaded: {} enterprises, {} units, {} equipment, {} monitoring points, {} chemicals ({} ms)",
                            c.enterprises(), c.units(), c.equipment(), c.points(), c.chemicals(), (System.nanoTime() - t0) / 1_000_000);
                }
            } catch (Exception e) {
                LOG.error("Demo park was not loaded: {}", e.getMessage());
            }
        }
    }

    /**
     * Posts {@code org/chempark/asset/<entity>/<CREATED|UPDATED|DELETED>} after a committed write,
     * so other modules (hazard grading, telemetry) follow changes without polling.
     */
    void changed(String entity, Long id, String action) {
        EventAdmin ea = events;
        if (ea != null) {
            java.util.Map<String, Object> props = new java.util.HashMap<>();
            props.put(EventTopics.MODULE, AssetModule.ID);
            props.put(EventTopics.ENTITY, entity);
            if (id != null) {
                props.put(EventTopics.ID, id);
            }
            ea.postEvent(new Event(EventTopics.change(AssetModule.ID, entity, action), props));
        }
    }

    @Override
    public Optional<Park> park() {
        return asSystem(store::park);
    }

    @Override
    public List<Enterprise> enterprises() {
        return asSystem(store::allEnterprises);
    }

    @Override
    public List<Unit> units() {
        return asSystem(store::allUnits);
    }

    @Override
    public Optional<Unit> unit(long id) {
        try {
            return Optional.of(asSystem(() -> store.unit(id)));
        } catch (ProblemException notFound) {
            return Optional.empty();
        }
    }

    @Override
    public List<Equipment> equipment() {
        return asSystem(store::allEquipment);
    }

    @Override
    public List<MonitoringPoint> points() {
        return asSystem(store::allPoints);
    }

    @Override
    public Optional<MonitoringPoint> pointByCode(String code) {
        return asSystem(() -> store.pointByCode(code));
    }

    @Override
    public List<Chemical> chemicals() {
        return asSystem(store::allChemicals);
    }

    @Override
    public List<org.chempark.asset.MapFeature> mapFeatures() {
        return asSystem(store::mapFeatures);
    }

    private static <T> T asSystem(java.util.function.Supplier<T> work) {
        try {
            return SubjectHolder.runAs(SYSTEM, work::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
