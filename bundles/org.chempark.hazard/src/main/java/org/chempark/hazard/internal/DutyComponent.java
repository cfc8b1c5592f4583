package org.chempark.hazard.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.chempark.asset.AssetService;
import org.chempark.sdk.notify.Notification;
import org.chempark.sdk.notify.Notifier;
import org.chempark.sdk.risk.RiskFactorProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
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
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Notifier notifier;
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
            DutyStore.ScheduleRun run = store.runSchedule();
            changed(run.enterprises());
            notifyOverdue(run.overdue());
        } catch (RuntimeException e) {
            LOG.warn("Duty schedule run failed: {}", e.getMessage());
        }
    }

    /** Tells each enterprise (and the responsible person, when linked to a user) which duty tasks were missed. */
    void notifyOverdue(List<DutyStore.OverdueTask> overdue) {
        Notifier n = notifier;
        for (Map.Entry<Long, List<DutyStore.OverdueTask>> e : overdue.stream()
                .collect(Collectors.groupingBy(DutyStore.OverdueTask::enterpriseId, java.util.TreeMap::new, Collectors.toList())).entrySet()) {
            List<String> to = new ArrayList<>(List.of("enterprise:" + e.getKey()));
            e.getValue().stream().map(DutyStore.OverdueTask::personUserId).filter(java.util.Objects::nonNull).distinct()
                    .forEach(u -> to.add("user:" + u));
            String body = String.join("\n", e.getValue().stream().map(t -> t.personName() + " " + t.titleZh() + " (unit " + t.unitId()
                    + ", due " + t.dueAt() + ")").toList());
            Notification msg = new Notification("hazard.duty-overdue", "【包保履职逾期】" + e.getValue().size() + " 项任务逾期 (duty tasks overdue)",
                    body, to, e.getKey(), "hazard/duty-tasks");
            if (n != null) {
                n.send(msg);
            } else {
                LOG.info("{} duty tasks of enterprise {} became overdue (no notify module installed)", e.getValue().size(), e.getKey());
            }
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
