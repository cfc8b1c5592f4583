package org.chempark.hazard.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.chempark.asset.AssetService;
import org.chempark.asset.Chemical;
import org.chempark.asset.Unit;
import org.chempark.hazard.HazardAssessment;
import org.chempark.hazard.HazardService;
import org.chempark.sdk.persistence.SchemaMigrator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the GB 18218-2018 assessment of every unit current: computed at start, and again
 * (debounced) after any asset change event. Each change of a unit's result is appended to
 * {@code hazard.grading_history}.
 */
@Component(service = { HazardService.class, HazardServiceImpl.class, EventHandler.class },
        property = EventConstants.EVENT_TOPIC + "=org/chempark/asset/*")
public class HazardServiceImpl implements HazardService, EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HazardServiceImpl.class);
    static final String[] MIGRATIONS = { "V1__grading_history.sql", "V2__responsibility_monitoring.sql" };

    /** Outcome of one regrading of the whole park. */
    public record RegradeSummary(int units, int majorHazardSources, Map<Integer, Long> byGrade, int changed, double durationMs,
            Instant at) {
    }

    private final AssetService assets;
    private final DataSource dataSource;
    private final Grader grader = new Grader();
    final DetectorCheck detectorCheck = new DetectorCheck();
    private final Map<Long, HazardAssessment> current = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "chempark-hazard"));
    private ScheduledFuture<?> pending;
    private volatile RegradeSummary last;
    /** Tells the risk model that grades changed (the factor {@code hazard.grade}). */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    volatile org.osgi.service.event.EventAdmin events;

    @Activate
    public HazardServiceImpl(@Reference AssetService assets, @Reference SchemaMigrator migrator,
            @Reference(target = "(osgi.jndi.service.name=chempark)") DataSource dataSource) {
        this.assets = assets;
        this.dataSource = dataSource;
        migrator.migrate("hazard", HazardServiceImpl.class.getClassLoader(), "db/hazard", MIGRATIONS);
        loadLatestFromHistory();
        executor.execute(this::regradeQuietly);
    }

    @Override
    public void handleEvent(Event event) {
        synchronized (this) {
            if (pending != null) {
                pending.cancel(false);
            }
            // a bulk edit sends many events; grade once after they settle
            pending = executor.schedule(this::regradeQuietly, 200, TimeUnit.MILLISECONDS);
        }
    }

    private void regradeQuietly() {
        try {
            regrade();
        } catch (RuntimeException e) {
            LOG.warn("Regrading failed: {}", e.getMessage());
        }
    }

    /** Recomputes every unit; returns what changed and how long it took. */
    public synchronized RegradeSummary regrade() {
        long t0 = System.nanoTime();
        Instant now = Instant.now();
        Map<Long, Chemical> chemicals = assets.chemicals().stream().collect(Collectors.toMap(Chemical::id, Function.identity()));
        List<Unit> units = assets.units();
        List<HazardAssessment> changed = new ArrayList<>();
        Map<Long, HazardAssessment> next = new java.util.HashMap<>();
        for (Unit u : units) {
            HazardAssessment a = grader.assess(u, chemicals, now);
            HazardAssessment before = current.get(u.id());
            if (before == null || differs(before, a)) {
                changed.add(a);
            }
            next.put(u.id(), a);
        }
        // history first: a reader who sees the new grade also finds it in the history
        appendHistory(changed);
        current.putAll(next);
        current.keySet().retainAll(next.keySet());
        double ms = (System.nanoTime() - t0) / 1e6;
        org.osgi.service.event.EventAdmin ea = events;
        if (ea != null) {
            changed.stream().map(HazardAssessment::enterpriseId).filter(Objects::nonNull).distinct().forEach(e -> ea.postEvent(new Event(
                    org.chempark.sdk.risk.RiskFactorProvider.CHANGED, Map.of(org.chempark.sdk.risk.RiskFactorProvider.ENTERPRISE_ID, e,
                            "module", HazardModule.ID))));
        }
        Map<Integer, Long> byGrade = current.values().stream().filter(HazardAssessment::majorHazardSource)
                .collect(Collectors.groupingBy(HazardAssessment::grade, java.util.TreeMap::new, Collectors.counting()));
        int major = (int) current.values().stream().filter(HazardAssessment::majorHazardSource).count();
        last = new RegradeSummary(units.size(), major, byGrade, changed.size(), Math.round(ms * 100) / 100.0, now);
        LOG.info("Graded {} units: {} major hazard sources {}, {} changed ({} ms)", units.size(), major, byGrade, changed.size(),
                last.durationMs());
        return last;
    }

    RegradeSummary lastSummary() {
        return last;
    }

    private static boolean differs(HazardAssessment a, HazardAssessment b) {
        return Math.abs(a.s() - b.s()) > 1e-9 || a.majorHazardSource() != b.majorHazardSource() || !Objects.equals(a.r(), b.r())
                || !Objects.equals(a.grade(), b.grade()) || !Objects.equals(a.error(), b.error())
                || !Objects.equals(a.exposedPeople(), b.exposedPeople());
    }

    private void appendHistory(List<HazardAssessment> changed) {
        if (changed.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO hazard.grading_history (unit_id, unit_code, computed_at, s, major, r, grade, alpha, exposed_people, reason) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (HazardAssessment a : changed) {
                ps.setLong(1, a.unitId());
                ps.setString(2, a.unitCode());
                ps.setObject(3, java.sql.Timestamp.from(a.computedAt()));
                ps.setDouble(4, a.s());
                ps.setBoolean(5, a.majorHazardSource());
                ps.setObject(6, a.r());
                ps.setObject(7, a.grade());
                ps.setObject(8, a.alpha());
                ps.setObject(9, a.exposedPeople());
                ps.setString(10, a.error() != null ? "error: " + a.error() : String.join(" | ", a.explanation()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            LOG.warn("Grading history could not be written: {}", e.getMessage());
        }
    }

    private void loadLatestFromHistory() {
        // only to know what "changed" means across restarts: the latest row per unit becomes the baseline
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT ON (unit_id) unit_id, unit_code, s, major, r, grade, alpha, exposed_people, computed_at "
                        + "FROM hazard.grading_history ORDER BY unit_id, computed_at DESC, id DESC");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Double r = rs.getObject(5) == null ? null : rs.getDouble(5);
                Integer grade = rs.getObject(6) == null ? null : rs.getInt(6);
                Double alpha = rs.getObject(7) == null ? null : rs.getDouble(7);
                Integer people = rs.getObject(8) == null ? null : rs.getInt(8);
                current.put(rs.getLong(1), new HazardAssessment(rs.getLong(1), rs.getString(2), null, null, null, people, rs.getDouble(3),
                        rs.getBoolean(4), r, grade, null, alpha, List.of(), List.of(), rs.getTimestamp(9).toInstant(), null));
            }
        } catch (SQLException e) {
            LOG.warn("Grading history could not be read: {}", e.getMessage());
        }
    }

    /** History rows of one unit, newest first. */
    List<Map<String, Object>> history(long unitId) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT computed_at, s, major, r, grade, alpha, exposed_people, reason FROM hazard.grading_history "
                        + "WHERE unit_id = ? ORDER BY computed_at DESC, id DESC LIMIT 500")) {
            ps.setLong(1, unitId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("computedAt", rs.getTimestamp(1).toInstant());
                    m.put("s", rs.getDouble(2));
                    m.put("majorHazardSource", rs.getBoolean(3));
                    m.put("r", rs.getObject(4) == null ? null : rs.getDouble(4));
                    m.put("grade", rs.getObject(5));
                    m.put("alpha", rs.getObject(6) == null ? null : rs.getDouble(6));
                    m.put("exposedPeople", rs.getObject(7));
                    m.put("reason", rs.getString(8));
                    out.add(m);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("grading history unavailable: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public List<HazardAssessment> assessments() {
        return current.values().stream().filter(a -> a.unitName() != null)
                .sorted(Comparator.comparing(HazardAssessment::unitCode)).toList();
    }

    @Override
    public Optional<HazardAssessment> assessment(long unitId) {
        return Optional.ofNullable(current.get(unitId)).filter(a -> a.unitName() != null);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }
}
