package org.chempark.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.chempark.report.internal.Model.FeedbackInput;
import org.chempark.report.internal.Model.FileInfo;
import org.chempark.report.internal.Model.HiddenDanger;
import org.chempark.report.internal.Model.HiddenDangerInput;
import org.chempark.report.internal.Model.HistoryEntry;
import org.chempark.report.internal.Model.Inspection;
import org.chempark.report.internal.Model.InspectionInput;
import org.chempark.report.internal.Model.RectificationInput;
import org.chempark.report.internal.Model.Report;
import org.chempark.report.internal.Model.ReportInput;
import org.chempark.report.internal.Model.VerificationInput;
import org.chempark.sdk.export.Xlsx;
import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Rest;
import org.chempark.sdk.security.RequiresPermission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/report/...}: filed reports and their files, special inspections and hidden
 * dangers through 三录入, search, statistics and Excel exports (R-F2.4).
 */
@Component(service = ReportResource.class, property = { Rest.RESOURCE, Rest.MODULE + "=" + ReportModule.ID,
        Rest.MAX_BODY_KEY + ":Long=" + ReportResource.MAX_UPLOAD_BYTES })
@Path("report")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {
    /** Request bodies up to 50 MiB reach this resource (report PDFs); the configured file limit applies below it. */
    static final long MAX_UPLOAD_BYTES = 50L << 20;

    private static final Pattern DISPOSITION = Pattern.compile("filename\\*?=(?:UTF-8'')?\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    private final ReportServiceImpl service;

    @Activate
    public ReportResource(@Reference ReportServiceImpl service) {
        this.service = service;
    }

    // ---- reports

    @GET
    @Path("reports")
    @RequiresPermission(ReportModule.READ)
    public Page<Report> reports(@QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("sort") String sort,
            @QueryParam("enterpriseId") Long enterpriseId, @QueryParam("type") String type, @QueryParam("expiry") String expiry,
            @QueryParam("q") String q, @QueryParam("match") String match) {
        return service.reports.list(PageQuery.parse(page, size, sort, ReportStore.SORTABLE), enterpriseId, type, expiry, q, match);
    }

    @POST
    @Path("reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ReportModule.WRITE)
    public Response fileReport(ReportInput in) {
        Report r = service.reports.create(in);
        return Response.created(URI.create(Rest.BASE_PATH + "/report/reports/" + r.id())).entity(r).build();
    }

    @GET
    @Path("reports/{id}")
    @RequiresPermission(ReportModule.READ)
    public Report report(@PathParam("id") long id) {
        return service.reports.get(id);
    }

    @PUT
    @Path("reports/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ReportModule.WRITE)
    public Report updateReport(@PathParam("id") long id, ReportInput in) {
        return service.reports.update(id, in);
    }

    @DELETE
    @Path("reports/{id}")
    @RequiresPermission(ReportModule.ADMIN)
    public Response deleteReport(@PathParam("id") long id) {
        service.reports.delete(id);
        return Response.noContent().build();
    }

    /** Raw body upload: Content-Type is the file's type, the name in {@code ?filename=} or Content-Disposition. */
    @POST
    @Path("reports/{id}/files")
    @Consumes(MediaType.WILDCARD)
    @RequiresPermission(ReportModule.WRITE)
    public Response uploadReportFile(@PathParam("id") long id, @QueryParam("filename") String filename,
            @HeaderParam("Content-Type") String contentType, @HeaderParam("Content-Disposition") String disposition, InputStream body) {
        FileInfo f = service.reports.upload(id, filename(filename, disposition), contentType, body);
        return Response.created(URI.create(Rest.BASE_PATH + "/report/files/" + f.id())).entity(f).build();
    }

    /** The file, after its SHA-256 was checked against the one taken at upload (header {@code X-Checksum-SHA256}). */
    @GET
    @Path("files/{fileId}")
    @Produces(MediaType.WILDCARD)
    @RequiresPermission(ReportModule.READ)
    public Response download(@PathParam("fileId") long fileId) {
        ReportStore.Download d = service.reports.download(fileId);
        String actual;
        try {
            actual = service.ctx.files.checksum(d.key());
        } catch (IOException e) {
            throw new ProblemException(410, "Gone", "The stored content of file " + fileId + " is missing; upload it again", List.of());
        }
        if (!actual.equals(d.info().sha256())) {
            throw ProblemException.conflict("The stored content of file " + fileId + " no longer matches the checksum taken at upload ("
                    + d.info().sha256() + "); it was altered or damaged. Upload it again");
        }
        StreamingOutput out = os -> {
            try (InputStream in = service.ctx.files.open(d.key())) {
                in.transferTo(os);
            }
        };
        return Response.ok(out, d.info().contentType()).header("Content-Length", d.info().sizeBytes())
                .header("X-Checksum-SHA256", d.info().sha256())
                .header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(d.info().sha256())))
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(d.info().filename(), StandardCharsets.UTF_8)
                        .replace("+", "%20"))
                .build();
    }

    @GET
    @Path("reports/statistics")
    @RequiresPermission(ReportModule.READ)
    public Map<String, Object> reportStatistics(@QueryParam("from") String from, @QueryParam("to") String to) {
        return service.reports.statistics(date("from", from), date("to", to));
    }

    @GET
    @Path("reports/export")
    @Produces(Xlsx.MEDIA_TYPE)
    @RequiresPermission(ReportModule.READ)
    public Response exportReports(@QueryParam("enterpriseId") Long enterpriseId, @QueryParam("type") String type,
            @QueryParam("expiry") String expiry, @QueryParam("q") String q, @QueryParam("match") String match) {
        Page<Report> all = service.reports.list(PageQuery.parse(0, PageQuery.MAX_SIZE, null, ReportStore.SORTABLE), enterpriseId, type, expiry, q,
                match);
        Map<Long, String> names = service.ctx.assets.enterpriseNames();
        StreamingOutput out = os -> {
            try (Xlsx x = new Xlsx(os)) {
                x.sheet("评价报告 Reports", List.of("编号 Id", "企业 Enterprise", "类型 Type", "标题 Title", "机构 Agency", "出具日期 Issued",
                        "有效期至 Valid until", "状态 State", "结论 Conclusions", "文件数 Files"));
                for (Report r : all.items()) {
                    x.row(r.id(), names.getOrDefault(r.enterpriseId(), String.valueOf(r.enterpriseId())), r.typeZh(), r.title(), r.agency(),
                            r.issuedOn(), r.validUntil(), r.expiryZh(), r.conclusions(), r.files().size());
                }
            }
        };
        return attachment(out, "reports.xlsx");
    }

    // ---- inspections and hidden dangers

    @GET
    @Path("inspections")
    @RequiresPermission(ReportModule.READ)
    public Page<Inspection> inspections(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("enterpriseId") Long enterpriseId) {
        return service.hiddenDangers.inspections(PageQuery.parse(page, size, null, java.util.Set.of()), enterpriseId);
    }

    @POST
    @Path("inspections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ReportModule.WRITE)
    public Response createInspection(InspectionInput in) {
        Inspection i = service.hiddenDangers.createInspection(in);
        return Response.created(URI.create(Rest.BASE_PATH + "/report/inspections/" + i.id())).entity(i).build();
    }

    @GET
    @Path("inspections/{id}")
    @RequiresPermission(ReportModule.READ)
    public Inspection inspection(@PathParam("id") long id) {
        return service.hiddenDangers.inspection(id);
    }

    /** 三录入 (1): record a hidden danger found by this inspection. */
    @POST
    @Path("inspections/{id}/hidden-dangers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ReportModule.WRITE)
    public Response recordHiddenDanger(@PathParam("id") long inspectionId, HiddenDangerInput in) {
        HiddenDanger h = service.hiddenDangers.record(inspectionId, in);
        return Response.created(URI.create(Rest.BASE_PATH + "/report/hidden-dangers/" + h.id())).entity(h).build();
    }

    @GET
    @Path("hidden-dangers")
    @RequiresPermission(ReportModule.READ)
    public Page<HiddenDanger> hiddenDangers(@QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("sort") String sort,
            @QueryParam("enterpriseId") Long enterpriseId, @QueryParam("inspectionId") Long inspectionId, @QueryParam("grade") String grade,
            @QueryParam("status") String status, @QueryParam("overdue") Boolean overdue, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("q") String q, @QueryParam("match") String match) {
        return service.hiddenDangers.list(PageQuery.parse(page, size, sort, HiddenDangerStore.SORTABLE),
                new HiddenDangerStore.Filter(enterpriseId, inspectionId, grade, status, overdue, date("from", from), date("to", to), q, match));
    }

    @GET
    @Path("hidden-dangers/{id}")
    @RequiresPermission(ReportModule.READ)
    public HiddenDanger hiddenDanger(@PathParam("id") long id) {
        return service.hiddenDangers.get(id);
    }

    @GET
    @Path("hidden-dangers/{id}/history")
    @RequiresPermission(ReportModule.READ)
    public List<HistoryEntry> history(@PathParam("id") long id) {
        return service.hiddenDangers.history(id);
    }

    /** 三录入 (2): the rectification plan (measures, responsible person, deadline). */
    @POST
    @Path("hidden-dangers/{id}/rectification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ReportModule.WRITE)
    public HiddenDanger rectification(@PathParam("id") long id, RectificationInput in) {
        return service.hiddenDangers.rectification(id, in);
    }

    @POST
    @Path("hidden-dangers/{id}/evidence")
    @Consumes(MediaType.WILDCARD)
    @RequiresPermission(ReportModule.WRITE)
    public Response evidence(@PathParam("id") long id, @QueryParam("filename") String filename, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Disposition") String disposition, InputStream body) {
        FileInfo f = service.hiddenDangers.evidence(id, filename(filename, disposition), contentType, body);
        return Response.created(URI.create(Rest.BASE_PATH + "/report/files/" + f.id())).entity(f).build();
    }

    /** 整改反馈: the enterprise reports the rectification done (after uploading evidence). */
    @POST
    @Path("hidden-dangers/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ReportModule.WRITE)
    public HiddenDanger feedback(@PathParam("id") long id, FeedbackInput in) {
        return service.hiddenDangers.feedback(id, in);
    }

    /** 三录入 (3): acceptance by the park (closes) or rejection (back to rectification). */
    @POST
    @Path("hidden-dangers/{id}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ReportModule.ADMIN)
    public HiddenDanger verification(@PathParam("id") long id, VerificationInput in) {
        return service.hiddenDangers.verification(id, in);
    }

    @GET
    @Path("hidden-dangers/statistics")
    @RequiresPermission(ReportModule.READ)
    public Map<String, Object> hiddenDangerStatistics(@QueryParam("from") String from, @QueryParam("to") String to) {
        return service.hiddenDangers.statistics(date("from", from), date("to", to));
    }

    @GET
    @Path("hidden-dangers/export")
    @Produces(Xlsx.MEDIA_TYPE)
    @RequiresPermission(ReportModule.READ)
    public Response exportHiddenDangers(@QueryParam("enterpriseId") Long enterpriseId, @QueryParam("grade") String grade,
            @QueryParam("status") String status, @QueryParam("overdue") Boolean overdue, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("q") String q, @QueryParam("match") String match) {
        Page<HiddenDanger> all = service.hiddenDangers.list(PageQuery.parse(0, PageQuery.MAX_SIZE, null, HiddenDangerStore.SORTABLE),
                new HiddenDangerStore.Filter(enterpriseId, null, grade, status, overdue, date("from", from), date("to", to), q, match));
        Map<Long, String> names = service.ctx.assets.enterpriseNames();
        StreamingOutput out = os -> {
            try (Xlsx x = new Xlsx(os)) {
                x.sheet("隐患 Hidden dangers", List.of("编号 Id", "企业 Enterprise", "等级 Grade", "描述 Description", "部位 Location", "发现日期 Found",
                        "状态 Status", "整改措施 Measures", "责任人 Responsible", "整改期限 Deadline", "超期 Overdue", "反馈 Feedback", "验收 Verified by"));
                for (HiddenDanger h : all.items()) {
                    x.row(h.id(), names.getOrDefault(h.enterpriseId(), String.valueOf(h.enterpriseId())), h.gradeZh(), h.description(),
                            h.location(), h.foundOn(), h.statusZh(), h.measures(), h.responsiblePerson(), h.deadline(), h.overdue() ? "是" : "否",
                            h.feedback(), h.verifiedBy());
                }
            }
        };
        return attachment(out, "hidden-dangers.xlsx");
    }

    /** Runs the expiry and overdue sweep now (it also runs by itself every sweep_minutes). */
    @POST
    @Path("sweep")
    @RequiresPermission(ReportModule.ADMIN)
    public Map<String, Integer> sweep() {
        org.chempark.sdk.security.DataScope.requireParkWide();
        return service.sweep();
    }

    private static Response attachment(StreamingOutput out, String name) {
        return Response.ok(out, Xlsx.MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ProblemException(400, "Bad request", field + " must be a date like 2026-01-31 (got '" + value + "')",
                    List.of(new org.chempark.sdk.rest.FieldError(field, "format", "yyyy-MM-dd")));
        }
    }

    static String filename(String query, String disposition) {
        if (query != null && !query.isBlank()) {
            return query;
        }
        if (disposition != null) {
            Matcher m = DISPOSITION.matcher(disposition);
            String last = null;
            while (m.find()) {
                last = m.group(1);
            }
            if (last != null) {
                return java.net.URLDecoder.decode(last, StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
