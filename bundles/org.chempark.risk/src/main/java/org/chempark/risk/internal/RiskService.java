package org.chempark.risk.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.chempark.asset.AssetService;
import org.chempark.asset.Enterprise;
import org.chempark.risk.internal.Model.Colour;
import org.chempark.risk.internal.Model.Score;
import org.chempark.risk.internal.Model.Settings;
import org.chempark.sdk.notify.Notification;
import org.chempark.sdk.notify.Notifier;
import org.chempark.sdk.persistence.SchemaMigrator;
import org.chempark.sdk.risk.RiskFactor;
import org.chempark.sdk.risk.RiskFactorProvider;
import org.chempark.sdk.risk.RiskFactorType;
import org.chempark.sdk.security.Subject;
import org.chempark.sdk.security.SubjectHolder;
import org.chempark.sdk.telemetry.AlarmInfo;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time risk model (R-F2.3): aggregates every {@link RiskFactorProvider} with the
 * configured weights, recomputes an enterprise as soon as one of its factors or alarms changes
 * (one worker thread, requests for the same enterprise coalesce), stores scores and history,
 * posts {@value #SCORE_CHANGED}, and raises warnings when a colour worsens to the configured
 * level or an alarm rule fires.
 */
@Component(service = { RiskService.class, EventHandler.class }, configurationPid = RiskConfig.PID, property = {
        EventConstants.EVENT_TOPIC + "=" + RiskFactorProvider.CHANGED, EventConstants.EVENT_TOPIC + "=" + AlarmInfo.TOPIC_ALL })
@Designate(ocd = RiskConfig.class)
public class RiskService implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RiskService.class);
    /** Posted for every score that changed; properties enterpriseId, unitId (absent for the enterprise), score, colour, previousColour. */
    public static final String SCORE_CHANGED = "org/chempark/risk/score/CHANGED";
    static final String[] MIGRATIONS = { "V1__scores_and_warnings.sql" };

    private final AssetService assets;
    private final EventAdmin events;
    final ScoreStore scores;
    final WarningStore warnings;
    private volatile Settings settings;
    private volatile String configError;
    private final Map<RiskFactorProvider, Integer> ranking = new ConcurrentHashMap<>();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Notifier notifier;
    /** Hazard sources that are major hazard sources (they have a {@code hazard.grade} factor), from the last computation. */
    private final Set<Long> majorUnits = ConcurrentHashMap.newKeySet();
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "chempark-risk"));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "chempark-risk-timer"));

    @Activate
    public RiskService(RiskConfig config, @Reference AssetService assets, @Reference EventAdmin events, @Reference SchemaMigrator migrator,
            @Reference(target = "(osgi.jndi.service.name=chempark)") DataSource dataSource) {
        this.assets = assets;
        this.events = events;
        this.settings = Settings.parse(defaults());
        apply(config);
        migrator.migrate("risk", RiskService.class.getClassLoader(), "db/risk", MIGRATIONS);
        Db db = new Db(dataSource);
        this.scores = new ScoreStore(db);
        this.warnings = new WarningStore(db, Clock.systemUTC(), () -> settings, this::send);
        scheduler.scheduleWithFixedDelay(() -> recomputeAll(), 3, settings.recomputeSeconds(), TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::remindAndEscalate, 30, 30, TimeUnit.SECONDS);
    }

    @Modified
    void modified(RiskConfig config) {
        apply(config);
        recomputeAll();
    }

    private void apply(RiskConfig config) {
        try {
            settings = Settings.parse(config);
            configError = null;
        } catch (IllegalArgumentException e) {
            configError = e.getMessage();
            LOG.error("Configuration {} refused, the previous one stays in force: {}", RiskConfig.PID, e.getMessage());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(RiskFactorProvider p, Map<String, Object> props) {
        Object r = props.get(Constants.SERVICE_RANKING);
        ranking.put(p, r instanceof Integer i ? i : 0);
        recomputeAll();
    }

    void removeProvider(RiskFactorProvider p) {
        ranking.remove(p);
        recomputeAll();
    }

    Settings settings() {
        return settings;
    }

    String configError() {
        return configError;
    }

    @Override
    public void handleEvent(Event event) {
        Object e = event.getProperty(RiskFactorProvider.ENTERPRISE_ID);
        if (event.getTopic().startsWith(AlarmInfo.TOPIC_PREFIX)) {
            alarmRule(event);
        }
        if (e instanceof Number n) {
            request(n.longValue());
        } else {
            recomputeAll();
        }
    }

    /** Asks for a recomputation of one enterprise; requests made while one is waiting are merged. */
    void request(long enterpriseId) {
        if (executor.isShutdown()) {
            return; // deactivating
        }
        if (pending.add(enterpriseId)) {
            try {
                executor.execute(() -> {
                    pending.remove(enterpriseId);
                    recompute(enterpriseId);
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                pending.remove(enterpriseId); // deactivated meanwhile
            }
        }
    }

    void recomputeAll() {
        if (executor.isShutdown()) {
            return;
        }
        try {
            for (Enterprise e : assets.enterprises()) {
                request(e.id());
            }
        } catch (RuntimeException ex) {
            LOG.warn("Enterprises could not be listed for the risk model: {}", ex.getMessage());
        }
    }

    /** The factor types of every provider, each type served by its highest-ranked provider only. */
    Map<String, RiskFactorType> types() {
        Map<String, RiskFactorType> out = new LinkedHashMap<>();
        for (RiskFactorProvider p : ranked()) {
            for (RiskFactorType t : p.types()) {
                out.putIfAbsent(t.id(), t);
            }
        }
        return out;
    }

    private List<RiskFactorProvider> ranked() {
        List<RiskFactorProvider> l = new ArrayList<>(ranking.keySet());
        l.sort(Comparator.comparingInt((RiskFactorProvider p) -> ranking.getOrDefault(p, 0)).reversed());
        return l;
    }

    /** Recomputes one enterprise now, in the calling thread. */
    List<ScoreStore.Change> recompute(long enterpriseId) {
        try {
            Settings s = settings;
            List<RiskFactor> factors = new ArrayList<>();
            Map<String, String> names = new HashMap<>();
            Set<String> claimed = new HashSet<>();
            SubjectHolder.runAs(Subject.system("risk"), () -> {
                for (RiskFactorProvider p : ranked()) {
                    Set<String> mine = new HashSet<>();
                    for (RiskFactorType t : p.types()) {
                        if (claimed.add(t.id())) {
                            mine.add(t.id());
                            names.put(t.id(), t.nameZh());
                        }
                    }
                    if (mine.isEmpty()) {
                        continue;
                    }
                    try {
                        p.factors(enterpriseId).stream().filter(f -> mine.contains(f.type())).forEach(factors::add);
                    } catch (RuntimeException ex) {
                        LOG.warn("Risk factor provider {} failed for enterprise {}: {}", p.getClass().getName(), enterpriseId, ex.getMessage());
                    }
                }
            });
            factors.stream().filter(f -> f.type().equals("hazard.grade") && f.unitId() != null).forEach(f -> majorUnits.add(f.unitId()));
            List<Score> computed = RiskEngine.score(enterpriseId, factors, names, s, Instant.now());
            List<ScoreStore.Change> changes = scores.save(enterpriseId, computed);
            boolean hasUnits = computed.size() > 1;
            for (ScoreStore.Change ch : changes) {
                Score sc = ch.score();
                Map<String, Object> props = new HashMap<>();
                props.put("enterpriseId", sc.enterpriseId());
                if (sc.unitId() != null) {
                    props.put("unitId", sc.unitId());
                }
                props.put("score", sc.score());
                props.put("colour", sc.colour().name());
                if (ch.previous() != null) {
                    props.put("previousColour", ch.previous().name());
                }
                events.postEvent(new Event(SCORE_CHANGED, props));
                boolean worsened = ch.previous() == null ? sc.colour() != Colour.BLUE : sc.colour().worseThan(ch.previous());
                if (worsened && sc.colour().atLeast(s.warnFrom()) && (sc.unitId() != null || !hasUnits)) {
                    warnings.raise(sc.colour(), WarningStore.Source.RISK_MODEL, sc.key(), enterpriseId, sc.unitId(),
                            (sc.unitId() == null ? "企业 " + enterpriseId : "重大危险源 " + unitLabel(sc.unitId())) + " 风险升至" + sc.colour().zh + "色",
                            sc.summary());
                }
            }
            return changes;
        } catch (RuntimeException ex) {
            LOG.warn("Risk of enterprise {} could not be computed: {}", enterpriseId, ex.getMessage());
            return List.of();
        }
    }

    private String unitLabel(long unitId) {
        return assets.unit(unitId).map(u -> u.code() + " " + u.name()).orElse(String.valueOf(unitId));
    }

    /** An alarm of a configured kind on a (major) hazard source raises a warning of the configured level. */
    private void alarmRule(Event event) {
        if (!event.getTopic().endsWith("RAISED")) {
            return;
        }
        Settings s = settings;
        Object kind = event.getProperty(AlarmInfo.KIND);
        Object unit = event.getProperty(AlarmInfo.UNIT_ID);
        Object enterprise = event.getProperty(AlarmInfo.ENTERPRISE_ID);
        if (kind == null || !s.alarmKinds().contains(kind.toString()) || !(enterprise instanceof Number e)) {
            return;
        }
        Long unitId = unit instanceof Number n ? n.longValue() : null;
        if (s.alarmMajorOnly() && (unitId == null || !majorUnits.contains(unitId))) {
            return;
        }
        String point = String.valueOf(event.getProperty(AlarmInfo.POINT_CODE));
        String detail = kind + " alarm on " + point + ": value " + event.getProperty(AlarmInfo.VALUE) + ", limit " + event.getProperty(AlarmInfo.LIMIT);
        executor.execute(() -> {
            try {
                warnings.raise(s.alarmLevel(), WarningStore.Source.ALARM_RULE, String.valueOf(event.getProperty(AlarmInfo.ID)), e.longValue(), unitId,
                        (unitId == null ? "" : "重大危险源 " + unitLabel(unitId) + " ") + point + " " + kind + " 报警", detail);
            } catch (RuntimeException ex) {
                LOG.warn("Alarm-rule warning could not be raised: {}", ex.getMessage());
            }
        });
    }

    private void remindAndEscalate() {
        try {
            int[] n = warnings.remindAndEscalate();
            if (n[0] + n[1] > 0) {
                LOG.info("Warnings: {} reminders, {} escalations sent", n[0], n[1]);
            }
        } catch (RuntimeException e) {
            LOG.warn("Warning reminders could not be checked: {}", e.getMessage());
        }
    }

    private void send(Notification n) {
        Notifier x = notifier;
        if (x != null) {
            x.send(n);
        } else {
            LOG.info("No notify module installed; warning notice not sent to {}: {}", n.recipients(), n.subject());
        }
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
        executor.shutdownNow();
    }

    /** The annotation defaults, the fallback when the first configuration is invalid. */
    static RiskConfig defaults() {
        return (RiskConfig) java.lang.reflect.Proxy.newProxyInstance(RiskConfig.class.getClassLoader(), new Class<?>[] { RiskConfig.class },
                (proxy, m, args) -> m.getDefaultValue());
    }
}
