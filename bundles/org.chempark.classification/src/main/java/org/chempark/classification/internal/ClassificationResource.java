package org.chempark.classification.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

import org.chempark.asset.AssetService;
import org.chempark.classification.internal.Model.Classification;
import org.chempark.classification.internal.Model.Commitment;
import org.chempark.classification.internal.Model.CommitmentInput;
import org.chempark.classification.internal.Model.DiagnosisInput;
import org.chempark.classification.internal.Model.DiagnosisRecord;
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
 * {@code /api/v1/classification/...}: enterprise classes with the rules that fired, the map layer,
 * rules, daily 安全承诺公告, the 100-point risk diagnosis, statistics and Excel export (R-F2.5).
 */
@Component(service = ClassificationResource.class, property = { Rest.RESOURCE, Rest.MODULE + "=" + ClassificationModule.ID })
@Path("classification")
@Produces(MediaType.APPLICATION_JSON)
public class ClassificationResource {
    private final Classifier classifier;
    private final Stores stores;
    private final AssetService assets;

    @Activate
    public ClassificationResource(@Reference Classifier classifier, @Reference AssetService assets) {
        this.classifier = classifier;
        this.stores = classifier.data.stores;
        this.assets = assets;
    }

    // ---- classification

    @GET
    @Path("enterprises")
    @RequiresPermission(ClassificationModule.READ)
    public List<Classification> classifications(@QueryParam("clazz") String clazz) {
        if (clazz != null && !Set.of(Rules.SPECIAL_CONTROL, Rules.KEY_ATTENTION, Rules.GENERAL).contains(clazz)) {
            throw ProblemException.invalid(List.of(new FieldError("clazz", "enum", "clazz must be SPECIAL_CONTROL, KEY_ATTENTION or GENERAL")));
        }
        return classifier.engine.current().stream().filter(c -> clazz == null || c.clazz().equals(clazz)).toList();
    }

    @GET
    @Path("enterprises/{enterpriseId}")
    @RequiresPermission(ClassificationModule.READ)
    public Classification classification(@PathParam("enterpriseId") long enterpriseId) {
        DataScope.current().check(enterpriseId);
        return classifier.engine.classify(enterpriseId);
    }

    @GET
    @Path("enterprises/{enterpriseId}/history")
    @RequiresPermission(ClassificationModule.READ)
    public List<Map<String, Object>> history(@PathParam("enterpriseId") long enterpriseId) {
        DataScope.current().check(enterpriseId);
        return stores.history(enterpriseId);
    }

    /** Map tag: every visible enterprise's geometry with its class and diagnosis colour. */
    @GET
    @Path("map")
    @RequiresPermission(ClassificationModule.READ)
    public Map<String, Object> map() {
        return classifier.map();
    }

    @POST
    @Path("recompute")
    @RequiresPermission(ClassificationModule.ADMIN)
    public List<Classification> recompute() {
        DataScope.requireParkWide();
        return classifier.engine.classifyAll();
    }

    @GET
    @Path("statistics")
    @RequiresPermission(ClassificationModule.READ)
    public Map<String, Object> statistics() {
        List<Classification> all = classifier.engine.current();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("enterprises", all.size());
        s.put("byClass", all.stream().collect(Collectors.groupingBy(Classification::clazz, TreeMap::new, Collectors.counting())));
        s.put("byDiagnosisLevel", all.stream().filter(c -> c.diagnosisLevel() != null)
                .collect(Collectors.groupingBy(Classification::diagnosisLevel, TreeMap::new, Collectors.counting())));
        s.put("byRule", all.stream().flatMap(c -> c.fired().stream()).collect(Collectors.groupingBy(Rules.Fired::ruleId, TreeMap::new,
                Collectors.counting())));
        return s;
    }

    @GET
    @Path("export")
    @Produces(Xlsx.MEDIA_TYPE)
    @RequiresPermission(ClassificationModule.READ)
    public Response export() {
        List<Classification> all = classifier.engine.current();
        StreamingOutput out = os -> {
            try (Xlsx x = new Xlsx(os)) {
                x.sheet("企业分类 Classification", List.of("企业编号 Id", "企业 Enterprise", "分类 Class", "风险诊断 Diagnosis", "诊断得分 Score",
                        "触发规则 Rules fired", "依据 Citations"));
                for (Classification c : all) {
                    x.row(c.enterpriseId(), c.enterpriseName(), c.classZh(), c.diagnosisLevelZh(), c.diagnosisScore(),
                            c.fired().stream().map(f -> f.nameZh() + " (" + f.value() + ")").collect(Collectors.joining("; ")),
                            c.fired().stream().map(Rules.Fired::citation).distinct().collect(Collectors.joining("; ")));
                }
            }
        };
        return Response.ok(out, Xlsx.MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"classification.xlsx\"").build();
    }

    // ---- rules

    @GET
    @Path("rules")
    @RequiresPermission(ClassificationModule.READ)
    public List<Rules.Rule> rules() {
        return stores.rules();
    }

    @PUT
    @Path("rules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ClassificationModule.ADMIN)
    public Rules.Rule saveRule(@PathParam("id") String id, Rules.Rule rule) {
        DataScope.requireParkWide();
        Rules.Rule saved = stores.saveRule(id, rule);
        classifier.handleEvent(null);
        return saved;
    }

    @DELETE
    @Path("rules/{id}")
    @RequiresPermission(ClassificationModule.ADMIN)
    public Response deleteRule(@PathParam("id") String id) {
        DataScope.requireParkWide();
        stores.deleteRule(id);
        classifier.handleEvent(null);
        return Response.noContent().build();
    }

    // ---- 安全承诺公告

    @POST
    @Path("commitments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ClassificationModule.WRITE)
    public Response file(CommitmentInput in) {
        Commitment c = stores.file(in);
        classifier.handleEvent(null);
        return Response.created(URI.create(Rest.BASE_PATH + "/classification/commitments/" + c.id())).entity(c).build();
    }

    @GET
    @Path("commitments")
    @RequiresPermission(ClassificationModule.READ)
    public Page<Commitment> commitments(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("enterpriseId") Long enterpriseId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("late") Boolean late) {
        return stores.commitments(PageQuery.parse(page, size, null, Set.of()), enterpriseId, date("from", from), date("to", to), late);
    }

    @GET
    @Path("commitments/{id}")
    @RequiresPermission(ClassificationModule.READ)
    public Commitment commitment(@PathParam("id") long id) {
        return stores.commitment(id);
    }

    /** Who filed for a day (default today), late, or not at all. */
    @GET
    @Path("commitments/day")
    @RequiresPermission(ClassificationModule.READ)
    public Map<String, Object> day(@QueryParam("day") String day) {
        LocalDate d = day == null || day.isBlank() ? stores.today() : date("day", day);
        return stores.day(d, assets.enterprises().stream().map(e -> e.id()).toList());
    }

    @GET
    @Path("commitments/statistics")
    @RequiresPermission(ClassificationModule.READ)
    public Map<String, Object> commitmentStatistics(@QueryParam("from") String from, @QueryParam("to") String to) {
        return stores.commitmentStatistics(date("from", from), date("to", to));
    }

    @GET
    @Path("commitments/export")
    @Produces(Xlsx.MEDIA_TYPE)
    @RequiresPermission(ClassificationModule.READ)
    public Response exportCommitments(@QueryParam("enterpriseId") Long enterpriseId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("late") Boolean late) {
        List<Commitment> all = stores.commitments(PageQuery.parse(0, PageQuery.MAX_SIZE, null, Set.of()), enterpriseId, date("from", from),
                date("to", to), late).items();
        Map<Long, String> names = new java.util.HashMap<>();
        assets.enterprises().forEach(e -> names.put(e.id(), e.name()));
        StreamingOutput out = os -> {
            try (Xlsx x = new Xlsx(os)) {
                x.sheet("安全承诺公告 Commitments", List.of("日期 Day", "企业 Enterprise", "运行状态 State", "运行装置 Running", "停用装置 Stopped",
                        "重大危险源 Major hazard sources", "受控 Controlled", "特殊作业 Special work", "承诺人 Principal", "已签署 Signed", "迟报 Late",
                        "发布时间 Filed at"));
                for (Commitment c : all) {
                    x.row(c.day(), names.getOrDefault(c.enterpriseId(), String.valueOf(c.enterpriseId())), c.operatingStateZh(), c.unitsRunning(),
                            c.unitsStopped(), c.majorHazardSources(), c.hazardSourcesControlled() ? "是" : "否",
                            c.specialWork().entrySet().stream().map(e -> Model.SPECIAL_WORK.get(e.getKey()) + " " + e.getValue())
                                    .collect(Collectors.joining(", ")), c.principal(), c.signed() ? "是" : "否", c.late() ? "是" : "否", c.filedAt());
                }
            }
        };
        return Response.ok(out, Xlsx.MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"commitments.xlsx\"").build();
    }

    // ---- 100-point diagnosis

    /**
     * The diagnosis table: its sources, 项目 with their 分值, rows (扣分 and 加分, per unit or not), direct-red conditions,
     * bands and scoring rules, each row with its source and whether it is SOURCED or a PLACEHOLDER.
     */
    @GET
    @Path("diagnosis/table")
    @RequiresPermission(ClassificationModule.READ)
    public Map<String, Object> diagnosisTable() {
        Diagnosis d = stores.diagnosis;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", "应急〔2018〕19号 危险化学品生产储存企业安全风险评估诊断分级指南(试行)");
        m.put("sources", d.sources.values());
        m.put("bands", List.of(Map.of("level", "RED", "levelZh", "红色", "scoreBelow", Diagnosis.RED_BELOW),
                Map.of("level", "ORANGE", "levelZh", "橙色", "scoreFrom", Diagnosis.RED_BELOW, "scoreBelow", Diagnosis.ORANGE_BELOW),
                Map.of("level", "YELLOW", "levelZh", "黄色", "scoreFrom", Diagnosis.ORANGE_BELOW, "scoreBelow", Diagnosis.YELLOW_BELOW),
                Map.of("level", "BLUE", "levelZh", "蓝色", "scoreFrom", Diagnosis.YELLOW_BELOW)));
        m.put("scoring", List.of("score = 100 - Σ 项目 min(分值, deductions found) + Σ bonuses (S1 note 2: 每个项目分值扣完为止，最低为0分)",
                "no ceiling is stated by the sources: the score may exceed 100 (at most " + d.maxScore() + ")",
                "any 直接判定为红色 condition → 红色 whatever the score"));
        m.put("maxScore", d.maxScore());
        m.put("projects", d.projects.values());
        m.put("items", d.items.values());
        m.put("directRed", d.directRed.values());
        return m;
    }

    @POST
    @Path("diagnoses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ClassificationModule.ADMIN)
    public Response diagnose(DiagnosisInput in) {
        DiagnosisRecord d = stores.diagnose(in);
        classifier.handleEvent(null);
        return Response.created(URI.create(Rest.BASE_PATH + "/classification/diagnoses/" + d.id())).entity(d).build();
    }

    @GET
    @Path("diagnoses")
    @RequiresPermission(ClassificationModule.READ)
    public Page<DiagnosisRecord> diagnoses(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("enterpriseId") Long enterpriseId) {
        return stores.diagnoses(PageQuery.parse(page, size, null, Set.of()), enterpriseId);
    }

    @GET
    @Path("diagnoses/{id}")
    @RequiresPermission(ClassificationModule.READ)
    public DiagnosisRecord diagnosis(@PathParam("id") long id) {
        return stores.diagnosisRecord(id);
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ProblemException(400, "Bad request", field + " must be a date like 2026-01-31 (got '" + value + "')",
                    List.of(new FieldError(field, "format", "yyyy-MM-dd")));
        }
    }
}
