package org.chempark.hazard.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.chempark.asset.AssetService;
import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.Unit;
import org.chempark.hazard.internal.Duty.SpotCheck;
import org.chempark.hazard.internal.Duty.SpotCheckInput;
import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.security.CurrentSubject;
import org.chempark.sdk.security.DataScope;
import org.chempark.sdk.security.Subject;
import org.chempark.sdk.telemetry.AlarmInfo;
import org.chempark.sdk.telemetry.LiveValues;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingHistory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Monitoring per hazard source (R-F2.2): its points with latest values and active alarms, the
 * trend of one point, and 在线抽查 spot checks that record who looked at what, when, and what
 * they concluded. Live values come from the telemetry module when it is installed; without it
 * the points are listed with {@code live=false}.
 */
@Component(service = Monitoring.class)
public class Monitoring {
    private final AssetService assets;
    private final Db db;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile LiveValues live;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ReadingHistory history;

    @Activate
    public Monitoring(@Reference HazardServiceImpl migrated, @Reference AssetService assets,
            @Reference(target = "(osgi.jndi.service.name=chempark)") DataSource dataSource) {
        this.assets = assets;
        this.db = new Db(dataSource);
    }

    Monitoring(AssetService assets, DataSource dataSource, LiveValues live) {
        this.assets = assets;
        this.db = new Db(dataSource);
        this.live = live;
    }

    /** One point of a hazard source with its latest value and its active alarms. */
    public record PointView(String code, String name, String type, String unit, Double rangeLow, Double rangeHigh, Double h, Double hh,
            Double l, Double ll,
            Double value, String quality, Instant timestamp, List<AlarmInfo> alarms, Map<String, Object> geometry) {
    }

    /** What a person sees when opening a hazard source's monitoring page. */
    public record View(long unitId, String unitCode, String unitName, long enterpriseId, boolean live, int activeAlarms,
            List<PointView> points, Instant at) {
    }

    private Unit unit(long unitId) {
        Unit u = assets.unit(unitId).orElseThrow(() -> ProblemException.notFound("unit", unitId));
        DataScope.current().check(u.enterpriseId());
        return u;
    }

    View view(long unitId) {
        Unit u = unit(unitId);
        List<MonitoringPoint> points = assets.points().stream().filter(p -> p.unitId() != null && p.unitId() == unitId).toList();
        LiveValues lv = live;
        Map<String, Reading> latest = lv == null ? Map.of() : lv.latest(points.stream().map(MonitoringPoint::code).toList());
        List<AlarmInfo> alarms = lv == null ? List.of() : lv.activeAlarms().stream()
                .filter(a -> a.unitId() != null && a.unitId() == unitId).toList();
        List<PointView> out = new ArrayList<>();
        for (MonitoringPoint p : points) {
            Reading r = latest.get(p.code());
            out.add(new PointView(p.code(), p.name(), p.type() == null ? null : p.type().name(), p.unit(), p.rangeLow(), p.rangeHigh(), p.h(),
                    p.hh(), p.l(), p.ll(),
                    r == null || !Double.isFinite(r.value()) ? null : r.value(), r == null ? null : r.quality().name(),
                    r == null ? null : r.timestamp(), alarms.stream().filter(a -> p.code().equals(a.pointCode())).toList(), p.geometry()));
        }
        return new View(unitId, u.code(), u.name(), u.enterpriseId(), lv != null, alarms.size(), out, Instant.now());
    }

    List<Reading> trend(long unitId, String pointCode, Instant from, Instant to, int limit) {
        unit(unitId);
        MonitoringPoint p = assets.pointByCode(pointCode).filter(x -> x.unitId() != null && x.unitId() == unitId)
                .orElseThrow(() -> ProblemException.notFound("point of unit " + unitId, pointCode));
        ReadingHistory h = history;
        if (h == null) {
            throw new ProblemException(503, "Service unavailable", "Stored readings need the telemetry module; install chempark-telemetry",
                    List.of());
        }
        Instant t = to == null ? Instant.now() : to;
        Instant f = from == null ? t.minusSeconds(3600) : from;
        if (!f.isBefore(t)) {
            throw ProblemException.invalid(List.of(new FieldError("from", "range", "from must be before to")));
        }
        return h.raw(p.code(), f, t, Math.max(1, Math.min(limit, 10_000)));
    }

    /** Records a spot check of a hazard source with a snapshot of what the checker saw. */
    SpotCheck spotCheck(long unitId, SpotCheckInput in) {
        Subject me = CurrentSubject.get();
        View v = view(unitId);
        List<FieldError> errors = new ArrayList<>();
        if (in == null || in.result() == null || !(in.result().equals("NORMAL") || in.result().equals("ABNORMAL"))) {
            errors.add(new FieldError("result", "enum", "result must be NORMAL (正常) or ABNORMAL (异常)"));
        } else if (in.result().equals("ABNORMAL") && (in.remark() == null || in.remark().isBlank())) {
            errors.add(new FieldError("remark", "required", "describe what is abnormal"));
        }
        if (in != null && in.remark() != null && in.remark().length() > 2000) {
            errors.add(new FieldError("remark", "length", "remark must be at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String snapshot = snapshot(v);
        long id = db.tx(c -> Db.insert(c, "INSERT INTO hazard.spot_check (unit_id, enterprise_id, checked_by, checked_by_user, organisation_id, "
                + "result, remark, snapshot) VALUES (?,?,?,?,?,?,?,?)", unitId, v.enterpriseId(), me.username(), me.userId(),
                me.organisationId(), in.result(), in.remark(), snapshot));
        return db.tx(c -> Db.list(c, "SELECT * FROM hazard.spot_check WHERE id = ?", Monitoring::spotCheck, id)).get(0);
    }

    List<SpotCheck> spotChecks(Long unitId, Long enterpriseId, Instant from, Instant to) {
        StringBuilder where = new StringBuilder(DataScope.current().sqlPredicate("enterprise_id"));
        List<Object> params = new ArrayList<>();
        Optional.ofNullable(unitId).ifPresent(u -> { where.append(" AND unit_id = ?"); params.add(u); });
        Optional.ofNullable(enterpriseId).ifPresent(e -> { where.append(" AND enterprise_id = ?"); params.add(e); });
        Optional.ofNullable(from).ifPresent(f -> { where.append(" AND checked_at >= ?"); params.add(f); });
        Optional.ofNullable(to).ifPresent(t -> { where.append(" AND checked_at < ?"); params.add(t); });
        return db.tx(c -> Db.list(c, "SELECT * FROM hazard.spot_check WHERE " + where + " ORDER BY checked_at DESC, id DESC LIMIT 1000",
                Monitoring::spotCheck, params.toArray()));
    }

    private static SpotCheck spotCheck(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SpotCheck(rs.getLong("id"), rs.getLong("unit_id"), rs.getLong("enterprise_id"), rs.getString("checked_by"),
                rs.getLong("organisation_id"), Db.instant(rs, "checked_at"), rs.getString("result"), rs.getString("remark"),
                rs.getString("snapshot"));
    }

    static String snapshot(View v) {
        StringBuilder sb = new StringBuilder("{\"live\":").append(v.live()).append(",\"activeAlarms\":").append(v.activeAlarms())
                .append(",\"points\":[");
        for (int i = 0; i < v.points().size(); i++) {
            PointView p = v.points().get(i);
            sb.append(i == 0 ? "" : ",").append("{\"code\":").append(json(p.code())).append(",\"value\":").append(p.value())
                    .append(",\"quality\":").append(json(p.quality())).append(",\"alarms\":")
                    .append(json(String.join(",", p.alarms().stream().map(AlarmInfo::kind).toList()))).append('}');
        }
        return sb.append("]}").toString();
    }

    static String json(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    Map<String, Object> spotCheckStatistics(Instant from, Instant to) {
        Map<String, Object> s = new LinkedHashMap<>();
        List<SpotCheck> all = spotChecks(null, null, from, to);
        s.put("total", all.size());
        s.put("abnormal", all.stream().filter(x -> x.result().equals("ABNORMAL")).count());
        s.put("byEnterprise", all.stream().collect(java.util.stream.Collectors.groupingBy(x -> String.valueOf(x.enterpriseId()),
                java.util.TreeMap::new, java.util.stream.Collectors.counting())));
        s.put("byChecker", all.stream().collect(java.util.stream.Collectors.groupingBy(SpotCheck::checkedBy, java.util.TreeMap::new,
                java.util.stream.Collectors.counting())));
        return s;
    }
}
