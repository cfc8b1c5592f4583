package org.chempark.hazard.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.chempark.asset.AssetService;
import org.chempark.sdk.risk.RiskFactorProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the 包保 duty schedule: every minute (and at start) creates the current period's tasks and
 * marks missed ones OVERDUE, then tells the risk model which enterprises changed.
 */
@Component(service = DutyComponent.class)
public class DutyComponent {
    private static final Logger LOG = LoggerFactory.getLogger(DutyComponent.class);
    /** Evidence files: the REST body limit (1 MiB) is also the largest file. */
    static final long MAX_ATTACHMENT_BYTES = org.chempark.sdk.rest.Rest.MAX_BODY_BYTES;

    final DutyStore store;
    private final EventAdmin events;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "chempark-hazard-duty"));

    @Activate
    public DutyComponent(@Reference HazardServiceImpl migrated, @Reference AssetService assets,
            @Reference(target = "(osgi.jndi.service.name=chempark)") DataSource dataSource, @Reference EventAdmin events) {
        this.events = events;
        Path dir = Path.of(System.getProperty("karaf.data", "data"), "hazard", "evidence");
        this.store = new DutyStore(new Db(dataSource), Clock.systemUTC(), assets::unit, dir, MAX_ATTACHMENT_BYTES);
        scheduler.scheduleWithFixedDelay(this::tick, 2, 60, TimeUnit.SECONDS);
    }

    void tick() {
        try {
            changed(store.generateAndMarkOverdue());
        } catch (RuntimeException e) {
            LOG.warn("Duty schedule run failed: {}", e.getMessage());
        }
    }

    /** Tells the risk model (and anyone else) that duty performance of these enterprises changed. */
    void changed(Set<Long> enterprises) {
        for (Long id : enterprises) {
            events.postEvent(new Event(RiskFactorProvider.CHANGED, Map.of(RiskFactorProvider.ENTERPRISE_ID, id, "module", HazardModule.ID)));
        }
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }
}
