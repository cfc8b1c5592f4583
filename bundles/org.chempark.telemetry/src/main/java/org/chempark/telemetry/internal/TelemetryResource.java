package org.chempark.telemetry.internal;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.chempark.sdk.export.Xlsx;
import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Rest;
import org.chempark.sdk.security.CurrentSubject;
import org.chempark.sdk.security.DataScope;
import org.chempark.sdk.security.RequiresPermission;
import org.chempark.sdk.security.Subject;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/telemetry/...}: latest values, alarms and their workflow, history (raw,
 * aggregated, many points for comparison) with CSV/Excel export, dead letters, unknown points,
 * pipeline status, and the telemetry sources with their factory configurations. Enterprise
 * users see only their enterprise's points and alarms.
 */
@Component(service = TelemetryResource.class, property = { Rest.RESOURCE, Rest.MODULE + "=" + TelemetryModule.ID })
@Path("telemetry")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TelemetryResource {
    static final int MAX_RAW = 100_000, MAX_EXPORT = 1_000_000, MAX_POINTS = 50;
    static final Duration MAX_RANGE = Duration.ofDays(400);

    private final TelemetryService t;
    private final SourceAdmin sources;

    @Activate
    public TelemetryResource(@Reference TelemetryService telemetry, @Reference SourceAdmin sources) {
        this.t = telemetry;
        this.sources = sources;
    }

    // ---------------------------------------------------------------- latest values

    /** A point's latest value with its metadata and active alarm kinds. */
    public record LatestValue(String pointCode, long pointId, String name, String type, String unit, Long enterpriseId, Long unitId,
            Double value, String quality, Instant timestamp, String source, Instant received, List<String> alarms, Double ll, Double l,
            Double h, Double hh) {
    }

    /** Latest values of the points the caller may see; filter by enterprise, unit or point codes. */
    @GET
    @Path("latest")
    @RequiresPermission(TelemetryModule.READ)
    public List<LatestValue> latest(@QueryParam("enterpriseId") Long enterpriseId, @QueryParam("unitId") Long unitId,
            @QueryParam("points") String points) {
        DataScope scope = DataScope.current();
        Set<String> codes = points == null || points.isBlank() ? null : Set.copyOf(codes(points));
        Map<Long, List<String>> alarmKinds = t.alarms.activeAlarms().stream()
                .collect(Collectors.groupingBy(Alarm::pointId, Collectors.mapping(Alarm::kind, Collectors.toList())));
        List<LatestValue> out = new ArrayList<>();
        for (PointMeta p : t.catalog.all()) {
            if (!scope.allows(p.enterpriseId()) || (enterpriseId != null && !enterpriseId.equals(p.enterpriseId()))
                    || (unitId != null && !unitId.equals(p.unitId())) || (codes != null && !codes.contains(p.code()))) {
                continue;
            }
            LatestCache.Entry e = t.latest.get(p.code());
            out.add(new LatestValue(p.code(), p.id(), p.name(), p.type().name(), p.unit(), p.enterpriseId(), p.unitId(),
                    e == null || !Double.isFinite(e.reading().value()) ? null : e.reading().value(), e == null ? null : e.reading().quality().name(),
                    e == null ? null : e.reading().timestamp(), e == null ? null : e.reading().source(), e == null ? null : e.received(),
                    alarmKinds.getOrDefault(p.id(), List.of()), p.ll(), p.l(), p.h(), p.hh()));
        }
        out.sort((a, b) -> a.pointCode().compareTo(b.pointCode()));
        return out;
    }

    // ---------------------------------------------------------------- alarms

    /** An alarm as the API shows it. */
    public record AlarmView(long id, String pointCode, long pointId, String pointName, String unit, Long unitId, Long enterpriseId, String kind,
            int priority, String state, boolean active, double value, double limit, Instant raisedAt, Instant clearedAt, Double clearedValue,
            Instant acknowledgedAt, String acknowledgedBy, String acknowledgeReason, Instant shelvedUntil, String shelvedBy, String shelveReason,
            int version) {
    }

    AlarmView view(Alarm a) {
        PointMeta p = t.catalog.byId(a.pointId());
        return new AlarmView(a.id(), a.pointCode(), a.pointId(), p == null ? null : p.name(), p == null ? null : p.unit(), a.unitId(),
                a.enterpriseId(), a.kind(), a.priority(), a.state(), a.active(), a.value(), a.limit(), a.raisedAt(), a.clearedAt(), a.clearedValue(),
                a.acknowledgedAt(), a.acknowledgedBy(), a.acknowledgeReason(), a.shelvedUntil(), a.shelvedBy(), a.shelveReason(), a.version());
    }

    static final Set<String> KINDS = Set.of("HH", "H", "L", "LL", "RATE", "STALE", "BAD_QUALITY");
    static final Set<String> STATES = Set.of(Alarm.ACTIVE, Alarm.ACKNOWLEDGED, Alarm.CLEARED, Alarm.SHELVED);

    /**
     * Alarms, newest first: {@code active=true} for those whose condition is present,
     * {@code acknowledged=false} for those waiting for an operator; filters by state, kind,
     * points, enterprise, unit and raise time.
     */
    @GET
    @Path("alarms")
    @RequiresPermission(TelemetryModule.READ)
    public Page<AlarmView> alarms(@QueryParam("active") Boolean active, @QueryParam("acknowledged") Boolean acknowledged,
            @QueryParam("state") String state, @QueryParam("kind") String kind, @QueryParam("points") String points,
            @QueryParam("enterpriseId") Long enterpriseId, @QueryParam("unitId") Long unitId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("sort") String sort) {
        List<FieldError> errors = new ArrayList<>();
        if (state != null && !STATES.contains(state)) {
            errors.add(new FieldError("state", "enum", "state must be one of " + new java.util.TreeSet<>(STATES)));
        }
        if (kind != null && !KINDS.contains(kind)) {
            errors.add(new FieldError("kind", "enum", "kind must be one of " + new java.util.TreeSet<>(KINDS)));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Bad request", errors.get(0).message(), errors);
        }
        PageQuery q = PageQuery.parse(page, size, sort, AlarmStore.SORTABLE);
        AlarmStore.Filter f = new AlarmStore.Filter(active, acknowledged, state, points == null ? null : codes(points), enterpriseId, unitId,
                kind, instant("from", from), instant("to", to));
        try {
            return t.alarmStore.list(f, DataScope.current(), q).map(this::view);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** One alarm with every transition (who, when, why). */
    @GET
    @Path("alarms/{id}")
    @RequiresPermission(TelemetryModule.READ)
    public Map<String, Object> alarm(@PathParam("id") long id) {
        Alarm a = visible(id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alarm", view(a));
        try {
            m.put("history", t.alarmStore.events(id));
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return m;
    }

    /** Body of acknowledge / shelve / unshelve. */
    public record AlarmAction(String reason, Instant until, Integer version) {
    }

    /** Acknowledges an alarm (also a cleared one); 409 when it already was acknowledged. */
    @POST
    @Path("alarms/{id}/acknowledge")
    @RequiresPermission(TelemetryModule.ACK)
    public AlarmView acknowledge(@PathParam("id") long id, AlarmAction body) {
        Alarm a = checkVersion(visible(id), body);
        return view(t.alarms.acknowledge(a, actor(), reason(body, false)));
    }

    /** Shelves an active alarm until a time at most 7 days ahead; the reason is required. */
    @POST
    @Path("alarms/{id}/shelve")
    @RequiresPermission(TelemetryModule.ACK)
    public AlarmView shelve(@PathParam("id") long id, AlarmAction body) {
        Alarm a = checkVersion(visible(id), body);
        String reason = reason(body, true);
        return view(t.alarms.shelve(a, actor(), reason, body.until()));
    }

    @POST
    @Path("alarms/{id}/unshelve")
    @RequiresPermission(TelemetryModule.ACK)
    public AlarmView unshelve(@PathParam("id") long id, AlarmAction body) {
        Alarm a = checkVersion(visible(id), body);
        return view(t.alarms.unshelve(a, actor(), reason(body, false)));
    }

    private Alarm visible(long id) {
        Alarm a;
        try {
            a = t.alarmStore.find(id).orElseThrow(() -> ProblemException.notFound("alarm", id));
        } catch (SQLException e) {
            throw unavailable(e);
        }
        DataScope.current().check(a.enterpriseId());
        return a;
    }

    private static Alarm checkVersion(Alarm a, AlarmAction body) {
        if (body != null && body.version() != null && body.version() != a.version()) {
            throw ProblemException.conflict("Alarm " + a.id() + " changed since you loaded it (version " + body.version() + ", now "
                    + a.version() + "); reload it", new FieldError("version", "stale", "reload the alarm"));
        }
        return a;
    }

    private static String reason(AlarmAction body, boolean required) {
        String r = body == null ? null : body.reason();
        if (r != null && r.length() > 500) {
            throw ProblemException.invalid(List.of(new FieldError("reason", "size", "reason must be at most 500 characters")));
        }
        if (required && (r == null || r.isBlank())) {
            throw ProblemException.invalid(List.of(new FieldError("reason", "required", "say why the alarm is shelved")));
        }
        return r == null || r.isBlank() ? null : r.strip();
    }

    private static String actor() {
        Subject s = CurrentSubject.get();
        return s.username();
    }

    // ---------------------------------------------------------------- history

    /** Raw readings or aggregates of one or many points (comparison) over a range. */
    @GET
    @Path("history")
    @RequiresPermission(TelemetryModule.READ)
    public Map<String, Object> history(@QueryParam("points") String points, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("interval") Long interval, @QueryParam("limit") Integer limit) {
        HistoryQuery q = historyQuery(points, from, to, interval, limit, MAX_RAW);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", q.from);
        out.put("to", q.to);
        out.put("interval", q.interval);
        out.put("points", q.points.stream().map(p -> Map.of("code", p.code(), "name", p.name(), "unit", p.unit() == null ? "" : p.unit(),
                "type", p.type().name())).toList());
        Map<Long, PointMeta> byId = q.points.stream().collect(Collectors.toMap(PointMeta::id, Function.identity()));
        Map<String, List<Object>> series = new LinkedHashMap<>();
        Map<String, Map<String, Object>> summary = new LinkedHashMap<>();
        q.points.forEach(p -> series.put(p.code(), new ArrayList<>()));
        try {
            if (q.interval == 0) {
                for (ReadingStore.Row r : t.store.raw(byId.keySet(), q.from, q.to, q.limit)) {
                    series.get(byId.get(r.pointId()).code()).add(Arrays.asList(r.ts(), Double.isFinite(r.value()) ? r.value() : null,
                            r.quality().name()));
                }
            } else {
                for (ReadingStore.Bucket b : t.store.aggregate(byId.keySet(), q.from, q.to, q.interval, q.limit)) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("t", b.start());
                    m.put("min", b.min());
                    m.put("max", b.max());
                    m.put("avg", b.avg());
                    m.put("last", b.last());
                    m.put("count", b.count());
                    series.get(byId.get(b.pointId()).code()).add(m);
                }
            }
            for (ReadingStore.Bucket s : t.store.aggregate(byId.keySet(), q.from, q.to, Math.max(1, Duration.between(q.from, q.to).getSeconds() + 1),
                    MAX_POINTS * 2)) {
                PointMeta p = byId.get(s.pointId());
                summary.merge(p.code(), Map.of("min", s.min(), "max", s.max(), "avg", s.avg(), "count", s.count()), (a, b) -> a);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        out.put("series", series);
        out.put("summary", summary);
        return out;
    }

    /** The same as CSV or Excel ({@code format=csv|xlsx}). */
    @GET
    @Path("history/export")
    @Produces({ "text/csv", Xlsx.MEDIA_TYPE })
    @RequiresPermission(TelemetryModule.READ)
    public Response export(@QueryParam("points") String points, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("interval") Long interval, @QueryParam("format") String format) {
        String fmt = format == null ? "csv" : format;
        if (!fmt.equals("csv") && !fmt.equals("xlsx")) {
            throw new ProblemException(400, "Bad request", "format must be csv or xlsx", List.of(new FieldError("format", "enum", "csv or xlsx")));
        }
        HistoryQuery q = historyQuery(points, from, to, interval, MAX_EXPORT, MAX_EXPORT);
        Map<Long, PointMeta> byId = q.points.stream().collect(Collectors.toMap(PointMeta::id, Function.identity()));
        List<String> headers = q.interval == 0 ? List.of("点位 Point", "时间 Time (UTC)", "值 Value", "质量 Quality", "单位 Unit")
                : List.of("点位 Point", "区间开始 Interval start (UTC)", "最小 Min", "最大 Max", "平均 Avg", "末值 Last", "条数 Count", "单位 Unit");
        List<Object[]> rows = new ArrayList<>();
        try {
            if (q.interval == 0) {
                for (ReadingStore.Row r : t.store.raw(byId.keySet(), q.from, q.to, q.limit)) {
                    PointMeta p = byId.get(r.pointId());
                    rows.add(new Object[] { p.code(), r.ts(), Double.isFinite(r.value()) ? r.value() : null, r.quality().name(), p.unit() });
                }
            } else {
                for (ReadingStore.Bucket b : t.store.aggregate(byId.keySet(), q.from, q.to, q.interval, q.limit)) {
                    PointMeta p = byId.get(b.pointId());
                    rows.add(new Object[] { p.code(), b.start(), b.min(), b.max(), b.avg(), b.last(), b.count(), p.unit() });
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        String name = "chempark-history-" + q.from.toString().replace(":", "") + (fmt.equals("csv") ? ".csv" : ".xlsx");
        StreamingOutput body = os -> {
            if (fmt.equals("csv")) {
                BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
                w.write('\ufeff'); // BOM: Excel opens UTF-8 CSV with Chinese headers correctly
                w.write(String.join(",", headers));
                w.write("\r\n");
                for (Object[] r : rows) {
                    w.write(Arrays.stream(r).map(TelemetryResource::csv).collect(Collectors.joining(",")));
                    w.write("\r\n");
                }
                w.flush();
            } else {
                try (Xlsx x = new Xlsx(os)) {
                    x.sheet("历史数据 History", headers);
                    for (Object[] r : rows) {
                        x.row(r);
                    }
                }
            }
        };
        return Response.ok(body, fmt.equals("csv") ? "text/csv; charset=UTF-8" : Xlsx.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    static String csv(Object o) {
        if (o == null) {
            return "";
        }
        String s = o.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private record HistoryQuery(List<PointMeta> points, Instant from, Instant to, long interval, int limit) {
    }

    private HistoryQuery historyQuery(String points, String from, String to, Long interval, Integer limit, int maxLimit) {
        List<FieldError> errors = new ArrayList<>();
        if (points == null || points.isBlank()) {
            throw new ProblemException(400, "Bad request", "points is required: comma-separated point codes",
                    List.of(new FieldError("points", "required", "give one or more point codes, e.g. points=E01-LT-1001,E01-LT-1002")));
        }
        List<String> codes = codes(points);
        if (codes.size() > MAX_POINTS) {
            errors.add(new FieldError("points", "size", "at most " + MAX_POINTS + " points per request"));
        }
        Instant t1 = instant("to", to);
        Instant t0 = instant("from", from);
        Instant end = t1 == null ? Instant.now() : t1;
        Instant start = t0 == null ? end.minus(Duration.ofHours(1)) : t0;
        if (!start.isBefore(end)) {
            errors.add(new FieldError("from", "order", "from must be before to"));
        } else if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            errors.add(new FieldError("to", "range", "the range may span at most " + MAX_RANGE.toDays() + " days"));
        }
        long iv = interval == null ? 0 : interval;
        if (iv < 0 || iv > 31L * 86400) {
            errors.add(new FieldError("interval", "range", "interval is seconds between 1 and 2678400, or 0/absent for raw readings"));
        }
        int lim = limit == null ? (maxLimit == MAX_EXPORT ? MAX_EXPORT : 10_000) : limit;
        if (lim < 1 || lim > maxLimit) {
            errors.add(new FieldError("limit", "range", "limit must be between 1 and " + maxLimit));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Bad request", errors.get(0).message(), errors);
        }
        DataScope scope = DataScope.current();
        List<PointMeta> ps = new ArrayList<>();
        for (String c : codes) {
            PointMeta p = t.catalog.byCode(c);
            if (p == null || !scope.allows(p.enterpriseId())) {
                throw ProblemException.notFound("point", c);
            }
            ps.add(p);
        }
        return new HistoryQuery(ps, start, end, iv, lim);
    }

    static List<String> codes(String points) {
        return Arrays.stream(points.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException e2) {
                throw new ProblemException(400, "Bad request", name + " must be an ISO-8601 time such as 2026-11-28T08:00:00Z",
                        List.of(new FieldError(name, "format", "ISO-8601 time, e.g. 2026-11-28T08:00:00Z or 2026-11-28T16:00:00+08:00")));
            }
        }
    }

    // ---------------------------------------------------------------- pipeline status, dead letters, unknown points

    /** Pipeline counters: accepted, unknown, rejected, dead letters by reason, queue. */
    @GET
    @Path("status")
    @RequiresPermission(TelemetryModule.READ)
    public Map<String, Object> status() {
        return new java.util.TreeMap<>(t.status());
    }

    /** Dead letters, newest first, with the counters (park-wide staff only: payloads are not scoped). */
    @GET
    @Path("dead-letters")
    @RequiresPermission(TelemetryModule.ADMIN)
    public Map<String, Object> deadLetters(@QueryParam("source") String source, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        DataScope.requireParkWide();
        PageQuery q = PageQuery.parse(page, size, null, Set.of());
        Map<String, Object> out = new LinkedHashMap<>();
        try (Connection c = t.store.dataSource().getConnection()) {
            String where = source == null ? "" : " WHERE source = ?";
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM telemetry.dead_letter" + where)) {
                if (source != null) {
                    ps.setString(1, source);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Map<String, Object>> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, source, reason, payload, truncated, received FROM telemetry.dead_letter"
                    + where + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
                int i = 1;
                if (source != null) {
                    ps.setString(i++, source);
                }
                ps.setInt(i++, q.size());
                ps.setInt(i, q.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", rs.getLong(1));
                        m.put("source", rs.getString(2));
                        m.put("reason", rs.getString(3));
                        byte[] p = rs.getBytes(4);
                        m.put("payload", p == null ? null : new String(p, StandardCharsets.UTF_8));
                        m.put("truncated", rs.getBoolean(5));
                        m.put("received", rs.getTimestamp(6).toInstant());
                        items.add(m);
                    }
                }
            }
            out.put("page", new Page<>(items, total, q.page(), q.size()));
        } catch (SQLException e) {
            throw unavailable(e);
        }
        out.put("counters", t.pipeline.counters());
        return out;
    }

    /** Point codes the asset model does not know, by source, most frequent first. */
    @GET
    @Path("unknown-points")
    @RequiresPermission(TelemetryModule.ADMIN)
    public List<Map<String, Object>> unknownPoints() {
        DataScope.requireParkWide();
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = t.store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT code, source, count, first_seen, last_seen FROM telemetry.unknown_point ORDER BY count DESC, code LIMIT 1000");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", rs.getString(1));
                m.put("source", rs.getString(2));
                m.put("count", rs.getLong(3));
                m.put("firstSeen", rs.getTimestamp(4).toInstant());
                m.put("lastSeen", rs.getTimestamp(5).toInstant());
                out.add(m);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return out;
    }

    // ---------------------------------------------------------------- sources

    /** Every registered telemetry source with its status and the pipeline's per-source counters. */
    @GET
    @Path("sources")
    @RequiresPermission(TelemetryModule.READ)
    public Map<String, Object> sources() {
        DataScope.requireParkWide();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sources", sources.sources());
        out.put("ingest", t.pipeline.sourceCounters().values().stream().sorted((a, b) -> a.source().compareTo(b.source())).toList());
        return out;
    }

    /** The bridges' factory PIDs and their Metatype attributes. */
    @GET
    @Path("sources/types")
    @RequiresPermission(TelemetryModule.ADMIN)
    public List<Map<String, Object>> sourceTypes() {
        DataScope.requireParkWide();
        return sources.types();
    }

    @GET
    @Path("sources/configs")
    @RequiresPermission(TelemetryModule.ADMIN)
    public List<Map<String, Object>> configs() {
        DataScope.requireParkWide();
        return sources.configurations();
    }

    @GET
    @Path("sources/configs/{pid}")
    @RequiresPermission(TelemetryModule.ADMIN)
    public Map<String, Object> config(@PathParam("pid") String pid) {
        DataScope.requireParkWide();
        return sources.configuration(pid);
    }

    /** Body of a connection configuration. */
    public record SourceConfig(String factoryPid, Map<String, Object> properties) {
    }

    /** Creates a connection (factory configuration); 422 names each invalid attribute. */
    @POST
    @Path("sources/configs")
    @RequiresPermission(TelemetryModule.ADMIN)
    public Response createConfig(SourceConfig body) {
        DataScope.requireParkWide();
        if (body == null) {
            throw ProblemException.badRequest("send {\"factoryPid\": \"org.chempark.bridge.modbus\", \"properties\": {...}}");
        }
        Map<String, Object> created = sources.create(body.factoryPid(), body.properties());
        return Response.status(201).header("Location", Rest.BASE_PATH + "/telemetry/sources/configs/" + created.get("pid")).entity(created).build();
    }

    @PUT
    @Path("sources/configs/{pid}")
    @RequiresPermission(TelemetryModule.ADMIN)
    public Map<String, Object> updateConfig(@PathParam("pid") String pid, SourceConfig body) {
        DataScope.requireParkWide();
        if (body == null) {
            throw ProblemException.badRequest("send {\"properties\": {...}}");
        }
        return sources.update(pid, body.properties());
    }

    @DELETE
    @Path("sources/configs/{pid}")
    @RequiresPermission(TelemetryModule.ADMIN)
    public Response deleteConfig(@PathParam("pid") String pid) {
        DataScope.requireParkWide();
        sources.delete(pid);
        return Response.noContent().build();
    }

    // ---------------------------------------------------------------- benchmark (bench_enabled=true only)

    /** Body of a benchmark run. */
    public record BenchRun(Integer seconds, Integer rate, Integer batchSize, Integer concurrency, List<String> exclude) {
    }

    /**
     * Runs the in-container load driver (bench/telemetry-ingest.sh): synthetic readings of the
     * real points into the ReadingSink for {@code seconds}, at {@code rate} readings/s (0: as
     * fast as it goes). 409 unless {@code bench_enabled=true}.
     */
    @POST
    @Path("bench/ingest")
    @RequiresPermission(TelemetryModule.ADMIN)
    public Map<String, Object> benchIngest(BenchRun body) throws InterruptedException {
        requireBench();
        BenchRun b = body == null ? new BenchRun(null, null, null, null, null) : body;
        int seconds = b.seconds() == null ? 20 : b.seconds();
        int rate = b.rate() == null ? 0 : b.rate();
        int batch = b.batchSize() == null ? 5000 : b.batchSize();
        int conc = b.concurrency() == null ? 2 : b.concurrency();
        List<FieldError> errors = new ArrayList<>();
        if (seconds < 1 || seconds > 300) {
            errors.add(new FieldError("seconds", "range", "seconds must be between 1 and 300"));
        }
        if (rate < 0 || rate > 5_000_000) {
            errors.add(new FieldError("rate", "range", "rate must be between 0 (unpaced) and 5000000"));
        }
        if (batch < 1 || batch > 100_000) {
            errors.add(new FieldError("batchSize", "range", "batchSize must be between 1 and 100000"));
        }
        if (conc < 1 || conc > 16) {
            errors.add(new FieldError("concurrency", "range", "concurrency must be between 1 and 16"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Map<String, Object> before = t.pipeline.counters();
        Map<String, Object> r = new LinkedHashMap<>(BenchDriver.run(t, t.catalog.all().stream()
                .filter(p -> b.exclude() == null || !b.exclude().contains(p.code())).toList(), seconds, rate, batch, conc));
        r.put("pipelineBefore", before);
        r.put("pipelineAfter", t.pipeline.counters());
        return r;
    }

    /** Body of a probe: one reading of {@code point} with {@code value}, timestamped now. */
    public record BenchProbe(String point, Double value) {
    }

    /** Submits one reading timestamped now (alarm latency probes); returns when it is durable. */
    @POST
    @Path("bench/probe")
    @RequiresPermission(TelemetryModule.ADMIN)
    public Map<String, Object> benchProbe(BenchProbe body) throws Exception {
        requireBench();
        if (body == null || body.point() == null || body.value() == null || t.catalog.byCode(body.point()) == null) {
            throw ProblemException.invalid(List.of(new FieldError("point", "required", "give a known point code and a value")));
        }
        Instant ts = Instant.now();
        org.chempark.sdk.telemetry.ReadingSink.IngestReceipt r = t.submit(List.of(org.chempark.sdk.telemetry.Reading.good(body.point(), ts,
                body.value(), "bench:probe"))).toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        return Map.of("timestamp", ts.toString(), "accepted", r.accepted());
    }

    private void requireBench() {
        DataScope.requireParkWide();
        if (!t.settings.benchEnabled()) {
            throw ProblemException.conflict("benchmark endpoints are off; set bench_enabled=true in etc/org.chempark.telemetry.cfg (test instances only)");
        }
    }

    private static ProblemException unavailable(SQLException e) {
        return new ProblemException(503, "Service unavailable", "the telemetry store is unavailable: " + e.getMessage(), List.of());
    }
}
