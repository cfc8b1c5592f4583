package org.chempark.telemetry.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.chempark.asset.AssetService;
import org.chempark.sdk.persistence.SchemaMigrator;
import org.chempark.sdk.telemetry.AlarmInfo;
import org.chempark.sdk.telemetry.LiveValues;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingHistory;
import org.chempark.sdk.telemetry.ReadingSink;
import org.chempark.sdk.telemetry.TelemetrySource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The telemetry module's core: migrates the schema, loads point metadata, latest values and
 * active alarms, and runs the pipeline, the alarm engine and the housekeeping (partitions and
 * retention hourly, stale check every second, latest-value flush). Offers {@link ReadingSink},
 * {@link LiveValues} and {@link ReadingHistory}; refreshes point metadata on asset change events.
 */
@Component(service = { ReadingSink.class, LiveValues.class, ReadingHistory.class, TelemetryService.class, EventHandler.class },
        configurationPid = TelemetryConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = EventConstants.EVENT_TOPIC + "=org/chempark/asset/*")
@Designate(ocd = TelemetryConfig.class)
public class TelemetryService implements ReadingSink, LiveValues, ReadingHistory, EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryService.class);

    final Settings settings;
    final ReadingStore store;
    final AlarmStore alarmStore;
    final PointCatalog catalog;
    final LatestCache latest = new LatestCache();
    final AlarmEngine alarms;
    final IngestPipeline pipeline;
    private final Clock clock;
    private final ScheduledExecutorService housekeeping = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "chempark-telemetry-housekeeping");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> pendingRefresh;

    @Activate
    public TelemetryService(@Reference AssetService assets, @Reference SchemaMigrator migrator,
            @Reference(target = "(osgi.jndi.service.name=chempark)") DataSource dataSource, TelemetryConfig config) {
        this(Settings.of(config), dataSource, new PointCatalog(assets::points), Clock.systemUTC(), migrator);
    }

    /** Outside OSGi (tests, bench): every collaborator given. */
    public TelemetryService(Settings settings, DataSource dataSource, PointCatalog catalog, Clock clock, SchemaMigrator migrator) {
        this.settings = settings;
        this.clock = clock;
        this.catalog = catalog;
        migrator.migrate("telemetry", TelemetryService.class.getClassLoader(), "db/telemetry", ReadingStore.MIGRATIONS);
        this.store = new ReadingStore(dataSource);
        this.alarmStore = new AlarmStore(dataSource);
        int points = catalog.refresh();
        try {
            store.maintain(clock.instant(), settings);
            latest.load(store.loadLatest());
        } catch (SQLException e) {
            throw new IllegalStateException("telemetry storage could not be prepared: " + e.getMessage(), e);
        }
        this.alarms = new AlarmEngine(alarmStore, catalog, settings, clock);
        try {
            alarms.load(latest);
        } catch (SQLException e) {
            throw new IllegalStateException("active alarms could not be loaded: " + e.getMessage(), e);
        }
        this.pipeline = new IngestPipeline(store, catalog, latest, settings, alarms, clock);
        housekeeping.scheduleWithFixedDelay(this::maintainQuietly, 1, 1, TimeUnit.HOURS);
        housekeeping.scheduleWithFixedDelay(alarms::tick, 1, 1, TimeUnit.SECONDS);
        housekeeping.scheduleWithFixedDelay(this::flushLatest, settings.latestFlushMs(), settings.latestFlushMs(), TimeUnit.MILLISECONDS);
        LOG.info("Telemetry started: {} points, {} latest values, {} active alarms", points, latest.all().size(), alarms.activeAlarms().size());
    }

    /** Every protocol bridge's connections and devices: readings of an enterprise's source are checked against its points. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(TelemetrySource source) {
        pipeline.addSource(source);
    }

    void removeSource(TelemetrySource source) {
        pipeline.removeSource(source);
    }

    private void maintainQuietly() {
        try {
            store.maintain(clock.instant(), settings);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Partition maintenance failed: {}", e.getMessage());
        }
    }

    void flushLatest() {
        List<LatestCache.Entry> dirty = latest.drainUnflushed();
        try {
            store.flushLatest(dirty);
        } catch (SQLException | RuntimeException e) {
            latest.retryFlush(dirty);
            LOG.warn("Latest values could not be flushed: {}", e.getMessage());
        }
    }

    @Override
    public void handleEvent(Event event) {
        synchronized (this) {
            if (pendingRefresh != null) {
                pendingRefresh.cancel(false);
            }
            // a bulk edit sends many events; reload once after they settle
            pendingRefresh = housekeeping.schedule(this::refreshPoints, 200, TimeUnit.MILLISECONDS);
        }
    }

    void refreshPoints() {
        try {
            LOG.info("Point metadata refreshed: {} points", catalog.refresh());
        } catch (RuntimeException e) {
            LOG.warn("Point metadata could not be refreshed: {}", e.getMessage());
        }
    }

    // ---------------------------------------------------------------- ReadingSink

    @Override
    public java.util.concurrent.CompletionStage<IngestReceipt> submit(List<Reading> readings) {
        return pipeline.submit(readings);
    }

    @Override
    public void rejectPayload(String source, String reason, byte[] payload) {
        pipeline.rejectPayload(source, reason, payload);
    }

    // ---------------------------------------------------------------- LiveValues

    @Override
    public Optional<Reading> latest(String pointCode) {
        return Optional.ofNullable(latest.get(pointCode)).map(LatestCache.Entry::reading);
    }

    @Override
    public Map<String, Reading> latest(Collection<String> pointCodes) {
        Map<String, Reading> out = new LinkedHashMap<>();
        for (String c : pointCodes) {
            LatestCache.Entry e = latest.get(c);
            if (e != null) {
                out.put(c, e.reading());
            }
        }
        return out;
    }

    @Override
    public List<AlarmInfo> activeAlarms() {
        return alarms.activeAlarms().stream().map(Alarm::info).toList();
    }

    // ---------------------------------------------------------------- ReadingHistory

    @Override
    public List<Reading> raw(String pointCode, Instant from, Instant to, int limit) {
        PointMeta p = catalog.byCode(pointCode);
        if (p == null) {
            return List.of();
        }
        try {
            return store.raw(List.of(p.id()), from, to, limit).stream()
                    .map(r -> new Reading(pointCode, r.ts(), r.value(), r.quality(), "history")).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("history unavailable: " + e.getMessage(), e);
        }
    }

    /** Active alarms (condition present), most urgent first. */
    public List<Alarm> activeAlarmList() {
        return alarms.activeAlarms();
    }

    /** Ingest counters per source. */
    public List<IngestPipeline.SourceCounters> sourceCounters() {
        return List.copyOf(pipeline.sourceCounters().values());
    }

    /** Housekeeping counters for the API and the shell. */
    public Map<String, Object> status() {
        Map<String, Object> m = new java.util.TreeMap<>(pipeline.counters());
        m.put("points", catalog.all().size());
        m.put("latestValues", latest.all().size());
        m.put("activeAlarms", alarms.activeAlarms().size());
        return m;
    }

    @Deactivate
    public void close() {
        pipeline.close();
        housekeeping.shutdownNow();
        flushLatest();
        LOG.info("Telemetry stopped");
    }
}
