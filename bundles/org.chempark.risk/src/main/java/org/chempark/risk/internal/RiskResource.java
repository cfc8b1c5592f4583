package org.chempark.risk.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.chempark.risk.internal.Model.Colour;
import org.chempark.risk.internal.Model.Contribution;
import org.chempark.risk.internal.Model.Score;
import org.chempark.risk.internal.WarningStore.ActionInput;
import org.chempark.risk.internal.WarningStore.State;
import org.chempark.risk.internal.WarningStore.Warning;
import org.chempark.sdk.export.Xlsx;
import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Rest;
import org.chempark.sdk.security.DataScope;
import org.chempark.sdk.security.RequiresPermission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/risk/...}: current risk scores and colours of enterprises and hazard sources with
 * their explanation, history, statistics and Excel export; warnings and their handling.
 */
@Component(service = RiskResource.class, property = { Rest.RESOURCE, Rest.MODULE + "=" + RiskModule.ID })
@Path("risk")
@Produces(MediaType.APPLICATION_JSON)
public class RiskResource {
    private final RiskService risk;

    @Activate
    public RiskResource(@Reference RiskService risk) {
        this.risk = risk;
    }

    /** Current scores of enterprises ({@code of=enterprise}, default) or hazard sources ({@code of=unit}), worst first. */
    @GET
    @Path("scores")
    @RequiresPermission("risk:read")
    public List<Score> scores(@QueryParam("of") String of, @QueryParam("enterpriseId") Long enterpriseId, @QueryParam("colour") String colour) {
        boolean units = "unit".equals(of);
        if (of != null && !units && !"enterprise".equals(of)) {
            throw new ProblemException(400, "Bad request", "of must be enterprise or unit", List.of(new FieldError("of", "enum", "enterprise or unit")));
        }
        return risk.scores.current(units, enterpriseId, colour(colour));
    }

    @GET
    @Path("scores/enterprises/{id}")
    @RequiresPermission("risk:read")
    public Score enterprise(@PathParam("id") long id) {
        DataScope.current().check(id);
        return risk.scores.enterprise(id).orElseThrow(() -> ProblemException.notFound("risk score of enterprise", id));
    }

    @GET
    @Path("scores/units/{id}")
    @RequiresPermission("risk:read")
    public Score unit(@PathParam("id") long id) {
        Score s = risk.scores.unit(id).orElseThrow(() -> ProblemException.notFound("risk score of hazard source", id));
        DataScope.current().check(s.enterpriseId());
        return s;
    }

    /** The explanation of a score: each factor with value, weight, cap and the points it contributed. */
    @GET
    @Path("scores/enterprises/{id}/explain")
    @RequiresPermission("risk:read")
    public Map<String, Object> explain(@PathParam("id") long id) {
        Score s = enterprise(id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", s.score());
        m.put("colour", s.colour());
        m.put("summary", s.summary());
        m.put("contributions", s.contributions());
        m.put("thresholds", Map.of("RED", risk.settings().red(), "ORANGE", risk.settings().orange(), "YELLOW", risk.settings().yellow()));
        m.put("factorTypes", risk.types().values());
        m.put("hazardSources", risk.scores.current(true, id, null));
        return m;
    }

    @GET
    @Path("history")
    @RequiresPermission("risk:read")
    public List<ScoreStore.HistoryEntry> history(@QueryParam("enterpriseId") Long enterpriseId, @QueryParam("unitId") Long unitId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") Integer limit) {
        if (enterpriseId != null) {
            DataScope.current().check(enterpriseId);
        }
        int l = limit == null ? 500 : limit;
        if (l < 1 || l > 5000) {
            throw new ProblemException(400, "Bad request", "limit must be between 1 and 5000", List.of(new FieldError("limit", "range", "1..5000")));
        }
        return risk.scores.history(enterpriseId, unitId, instant("from", from), instant("to", to), l);
    }

    /** Colours now (by colour, by enterprise grade of its worst source), colour changes per day, warnings. */
    @GET
    @Path("statistics")
    @RequiresPermission("risk:read")
    public Map<String, Object> statistics(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant t = instant("to", to) == null ? Instant.now() : instant("to", to);
        Instant f = instant("from", from) == null ? t.minusSeconds(30L * 86400) : instant("from", from);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enterprisesByColour", count(risk.scores.current(false, null, null)));
        m.put("hazardSourcesByColour", count(risk.scores.current(true, null, null)));
        m.put("hazardSourcesByGradeAndColour", byGrade(risk.scores.current(true, null, null)));
        m.put("colourChangesPerDay", risk.scores.changesPerDay(f, t));
        m.put("warnings", risk.warnings.statistics(f, t));
        m.put("from", f);
        m.put("to", t);
        return m;
    }

    /** Hazard sources by GB 18218 grade (from their {@code hazard.grade} factor: severity 4 = 一级) and colour. */
    static Map<String, Map<String, Long>> byGrade(List<Score> units) {
        Map<String, Map<String, Long>> m = new TreeMap<>();
        for (Score s : units) {
            String grade = s.contributions().stream().filter(c -> c.factor().equals("hazard.grade") && c.unitId() != null)
                    .map(c -> switch ((int) Math.round(c.value())) {
                        case 4 -> "一级";
                        case 3 -> "二级";
                        case 2 -> "三级";
                        case 1 -> "四级";
                        default -> "other";
                    }).findFirst().orElse("not graded");
            m.computeIfAbsent(grade, k -> new TreeMap<>()).merge(s.colour().name(), 1L, Long::sum);
        }
        return m;
    }

    private static Map<String, Long> count(List<Score> scores) {
        Map<String, Long> m = new TreeMap<>();
        for (Colour c : Colour.values()) {
            m.put(c.name(), 0L);
        }
        m.putAll(scores.stream().collect(Collectors.groupingBy(s -> s.colour().name(), Collectors.counting())));
        return m;
    }

    @GET
    @Path("export.xlsx")
    @Produces(Xlsx.MEDIA_TYPE)
    @RequiresPermission("risk:read")
    public Response export() {
        List<Score> enterprises = risk.scores.current(false, null, null);
        List<Score> units = risk.scores.current(true, null, null);
        List<Warning> warnings = risk.warnings.warnings(new PageQuery(0, PageQuery.MAX_SIZE, List.of()), null, null, null, null).items();
        StreamingOutput out = os -> {
            try (Xlsx x = new Xlsx(os)) {
                for (var e : List.of(Map.entry("企业风险 Enterprises", enterprises), Map.entry("重大危险源风险 Hazard sources", units))) {
                    x.sheet(e.getKey(), List.of("企业 Enterprise", "单元 Unit", "分值 Score", "颜色 Colour", "说明 Explanation", "时间 Computed"));
                    for (Score s : e.getValue()) {
                        x.row(s.enterpriseId(), s.unitId(), s.score(), s.colourZh(), explain(s.contributions()), s.computedAt());
                    }
                }
                x.sheet("预警 Warnings", List.of("ID", "企业 Enterprise", "单元 Unit", "级别 Level", "来源 Source", "标题 Title", "状态 State",
                        "当前步骤截止 Step due", "创建 Created", "关闭 Closed"));
                for (Warning w : warnings) {
                    x.row(w.id(), w.enterpriseId(), w.unitId(), w.levelZh(), w.source().name(), w.title(), w.stateZh(), w.stepDueAt(), w.createdAt(),
                            w.closedAt());
                }
            }
        };
        return Response.ok(out, Xlsx.MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"risk.xlsx\"").build();
    }

    private static String explain(List<Contribution> cs) {
        return String.join("; ", cs.stream().map(c -> c.nameZh() + " " + c.value() + "×" + c.weight() + "→" + c.points()).toList());
    }

    @POST
    @Path("recompute")
    @RequiresPermission("risk:recompute")
    public Map<String, Object> recompute() {
        DataScope.requireParkWide();
        long t0 = System.nanoTime();
        int changed = 0;
        for (Score s : risk.scores.current(false, null, null)) {
            changed += risk.recompute(s.enterpriseId()).size();
        }
        risk.recomputeAll();
        return Map.of("changed", changed, "ms", Math.round((System.nanoTime() - t0) / 1e4) / 100.0);
    }

    /** The weights, thresholds, deadlines and recipients in force, and why a newer configuration was refused (if it was). */
    @GET
    @Path("config")
    @RequiresPermission("risk:read")
    public Map<String, Object> config() {
        Map<String, Object> m = RiskEngine.describe(risk.settings());
        m.put("pid", RiskConfig.PID);
        m.put("configError", risk.configError());
        m.put("factorTypes", risk.types().values());
        return m;
    }

    // ------------------------------------------------------------ warnings

    @GET
    @Path("warnings")
    @RequiresPermission("risk:read")
    public Page<Warning> warnings(@QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("sort") String sort,
            @QueryParam("state") String state, @QueryParam("level") String level, @QueryParam("enterpriseId") Long enterpriseId,
            @QueryParam("open") Boolean open) {
        State st = null;
        if (state != null && !state.isBlank()) {
            try {
                st = State.valueOf(state.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(400, "Bad request", "state must be one of SENT, VERIFIED, FEEDBACK, SUPERVISED, CLOSED",
                        List.of(new FieldError("state", "enum", "SENT, VERIFIED, FEEDBACK, SUPERVISED or CLOSED")));
            }
        }
        return risk.warnings.warnings(PageQuery.parse(page, size, sort, WarningStore.SORT), st, colour(level), enterpriseId, open);
    }

    @GET
    @Path("warnings/{id}")
    @RequiresPermission("risk:read")
    public Warning warning(@PathParam("id") long id) {
        return risk.warnings.warning(id);
    }

    /**
     * One handling step: {@code {"action": "VERIFY|FEEDBACK|SUPERVISE|CLOSE", "version": n, "remark": "..."}}. Verify and
     * feedback need {@code risk:write}, supervise {@code risk:handle}, close {@code risk:close} (the last two park users only).
     */
    @POST
    @Path("warnings/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("risk:read")
    public Warning act(@PathParam("id") long id, ActionInput in) {
        return risk.warnings.act(id, in);
    }

    @GET
    @Path("warnings/statistics")
    @RequiresPermission("risk:read")
    public Map<String, Object> warningStatistics(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant t = instant("to", to) == null ? Instant.now() : instant("to", to);
        Instant f = instant("from", from) == null ? t.minusSeconds(30L * 86400) : instant("from", from);
        return risk.warnings.statistics(f, t);
    }

    private static Colour colour(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Colour.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Bad request", "colour/level must be RED, ORANGE, YELLOW or BLUE",
                    List.of(new FieldError("colour", "enum", "RED, ORANGE, YELLOW or BLUE")));
        }
    }

    static Instant instant(String field, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "Bad request", field + " must be an ISO-8601 instant like 2026-01-31T08:00:00Z",
                    List.of(new FieldError(field, "format", "ISO-8601 instant")));
        }
    }
}
