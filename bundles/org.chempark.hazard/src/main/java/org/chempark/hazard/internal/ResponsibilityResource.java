package org.chempark.hazard.internal;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

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

import org.chempark.hazard.internal.Duty.Attachment;
import org.chempark.hazard.internal.Duty.DutyRecord;
import org.chempark.hazard.internal.Duty.Person;
import org.chempark.hazard.internal.Duty.PersonInput;
import org.chempark.hazard.internal.Duty.RecordInput;
import org.chempark.hazard.internal.Duty.Stat;
import org.chempark.hazard.internal.Duty.Task;
import org.chempark.hazard.internal.Duty.TaskStatus;
import org.chempark.hazard.internal.Duty.Template;
import org.chempark.sdk.export.Xlsx;
import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Rest;
import org.chempark.sdk.security.RequiresPermission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/responsibility/...}: 包保 responsibility of the major hazard sources (R-F2.1) —
 * responsible persons, duty templates, tasks, itemised records with evidence, statistics, Excel.
 */
@Component(service = ResponsibilityResource.class, property = { Rest.RESOURCE, Rest.MODULE + "=" + HazardModule.ID })
@Path("responsibility")
@Produces(MediaType.APPLICATION_JSON)
public class ResponsibilityResource {
    private final DutyComponent duty;
    private final DutyStore store;
    private final HazardServiceImpl hazards;

    @Activate
    public ResponsibilityResource(@Reference DutyComponent duty, @Reference HazardServiceImpl hazards) {
        this.duty = duty;
        this.store = duty.store;
        this.hazards = hazards;
    }

    @GET
    @Path("persons")
    @RequiresPermission("hazard:read")
    public List<Person> persons(@QueryParam("unitId") Long unitId, @QueryParam("enterpriseId") Long enterpriseId,
            @QueryParam("includeInactive") boolean includeInactive) {
        return store.persons(unitId, enterpriseId, includeInactive);
    }

    @GET
    @Path("persons/{id}")
    @RequiresPermission("hazard:read")
    public Person person(@PathParam("id") long id) {
        return store.person(id);
    }

    @POST
    @Path("persons")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("hazard:write")
    public Response createPerson(PersonInput in) {
        Person p = store.createPerson(body(in));
        duty.tick();
        return Response.status(201).entity(p).build();
    }

    @PUT
    @Path("persons/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("hazard:write")
    public Person updatePerson(@PathParam("id") long id, PersonInput in) {
        return store.updatePerson(id, body(in));
    }

    @DELETE
    @Path("persons/{id}")
    @RequiresPermission("hazard:write")
    public Response deactivatePerson(@PathParam("id") long id) {
        store.deactivatePerson(id);
        return Response.noContent().build();
    }

    @GET
    @Path("templates")
    @RequiresPermission("hazard:read")
    public List<Template> templates() {
        return store.templates();
    }

    @GET
    @Path("tasks")
    @RequiresPermission("hazard:read")
    public Page<Task> tasks(@QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("sort") String sort,
            @QueryParam("status") String status, @QueryParam("enterpriseId") Long enterpriseId, @QueryParam("unitId") Long unitId,
            @QueryParam("personId") Long personId) {
        return store.tasks(PageQuery.parse(page, size, sort, DutyStore.TASK_SORT), status(status), enterpriseId, unitId, personId);
    }

    @GET
    @Path("tasks/{id}")
    @RequiresPermission("hazard:read")
    public Task task(@PathParam("id") long id) {
        return store.task(id);
    }

    @POST
    @Path("tasks/{id}/record")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("hazard:write")
    public Response record(@PathParam("id") long id, RecordInput in) {
        DutyRecord r = store.record(id, body(in));
        duty.changed(Set.of(store.task(id).enterpriseId()));
        return Response.status(201).entity(r).build();
    }

    @GET
    @Path("tasks/{id}/record")
    @RequiresPermission("hazard:read")
    public DutyRecord recordOfTask(@PathParam("id") long id) {
        return store.recordOfTask(id);
    }

    /** Uploads one evidence file (JPEG, PNG or PDF, at most 1 MiB) as the raw request body. */
    @POST
    @Path("records/{id}/attachments")
    @Consumes({ "image/jpeg", "image/png", "application/pdf", MediaType.APPLICATION_OCTET_STREAM, MediaType.WILDCARD })
    @RequiresPermission("hazard:write")
    public Response attach(@PathParam("id") long id, @QueryParam("fileName") String fileName,
            @HeaderParam("Content-Type") String contentType, InputStream body) {
        Attachment a = store.attach(id, fileName, contentType, body);
        return Response.status(201).entity(a).build();
    }

    @GET
    @Path("attachments/{id}")
    @Produces({ "image/jpeg", "image/png", "application/pdf", MediaType.APPLICATION_JSON })
    @RequiresPermission("hazard:read")
    public Response attachment(@PathParam("id") long id) {
        DutyStore.StoredFile f = store.file(id);
        return Response.ok(f.content(), f.meta().contentType()).header("X-Content-SHA256", f.meta().sha256())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(f.meta().fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")).build();
    }

    /**
     * Duty performance by {@code enterprise}, {@code person}, {@code role}, {@code unit} or {@code grade} (GB 18218 grade of
     * the hazard source) for tasks of periods starting in [from, to).
     */
    @GET
    @Path("statistics")
    @RequiresPermission("hazard:read")
    public List<Stat> statistics(@QueryParam("by") String by, @QueryParam("from") String from, @QueryParam("to") String to) {
        if (!"grade".equals(by)) {
            return store.statistics(by, date("from", from), date("to", to));
        }
        java.util.Map<String, long[]> byGrade = new java.util.TreeMap<>();
        for (Stat s : store.statistics("unit", date("from", from), date("to", to))) {
            String grade = hazards.assessment(Long.parseLong(s.key())).filter(a -> a.gradeZh() != null).map(a -> a.gradeZh())
                    .orElse("非重大危险源 not major");
            long[] t = byGrade.computeIfAbsent(grade, k -> new long[5]);
            t[0] += s.tasks();
            t[1] += s.done();
            t[2] += s.doneLate();
            t[3] += s.overdue();
            t[4] += s.open();
        }
        return byGrade.entrySet().stream().map(e -> {
            long[] t = e.getValue();
            long due = t[0] - t[4];
            return new Stat(e.getKey(), e.getKey(), t[0], t[1], t[2], t[3], t[4], due == 0 ? null : Math.round(1000.0 * t[1] / due) / 1000.0);
        }).toList();
    }

    @GET
    @Path("export.xlsx")
    @Produces(Xlsx.MEDIA_TYPE)
    @RequiresPermission("hazard:read")
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        List<Stat> byEnterprise = store.statistics("enterprise", f, t);
        List<Stat> byPerson = store.statistics("person", f, t);
        List<Task> tasks = store.tasks(new PageQuery(0, PageQuery.MAX_SIZE, List.of()), null, null, null, null).items();
        StreamingOutput out = os -> {
            try (Xlsx x = new Xlsx(os)) {
                for (var e : List.of(java.util.Map.entry("按企业 By enterprise", byEnterprise), java.util.Map.entry("按责任人 By person", byPerson))) {
                    x.sheet(e.getKey(), List.of("键 Key", "名称 Name", "任务 Tasks", "完成 Done", "逾期完成 Done late", "逾期 Overdue",
                            "进行中 Open", "完成率 Completion rate"));
                    for (Stat s : e.getValue()) {
                        x.row(s.key(), s.name(), s.tasks(), s.done(), s.doneLate(), s.overdue(), s.open(), s.completionRate());
                    }
                }
                x.sheet("任务 Tasks", List.of("ID", "企业 Enterprise", "单元 Unit", "责任人 Person", "角色 Role", "任务 Task", "周期 Period",
                        "截止 Due", "状态 Status", "完成 Completed", "逾期完成 Late"));
                for (Task k : tasks) {
                    x.row(k.id(), k.enterpriseId(), k.unitId(), k.personName(), k.role().zh, k.titleZh(), k.periodStart(), k.dueAt(),
                            k.status().name(), k.completedAt(), k.late() ? "是" : "否");
                }
            }
        };
        return Response.ok(out, Xlsx.MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"responsibility.xlsx\"").build();
    }

    private static <T> T body(T in) {
        if (in == null) {
            throw ProblemException.badRequest("Send the record as a JSON body");
        }
        return in;
    }

    private static TaskStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return TaskStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Bad request", "status must be OPEN, DONE or OVERDUE",
                    List.of(new FieldError("status", "enum", "OPEN, DONE or OVERDUE")));
        }
    }

    static LocalDate date(String field, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "Bad request", field + " must be a date like 2026-01-31",
                    List.of(new FieldError(field, "format", "yyyy-MM-dd")));
        }
    }
}
