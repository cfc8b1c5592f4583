package org.chempark.emergency.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

import org.chempark.sdk.export.Xlsx;
import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Rest;
import org.chempark.sdk.security.RequiresPermission;
import org.chempark.sdk.security.Sensitive;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/emergency/resources}: the emergency resources registry (R-F6.2) — experts, teams,
 * materials, equipment; statistics by enterprise and type; Excel export. Reading needs
 * {@code emergency:read}, changes {@code emergency:admin}; enterprise users see and change only their
 * enterprise's resources.
 */
@Component(service = ResourceRegistryResource.class, property = { Rest.RESOURCE, Rest.MODULE + "=" + EmergencyModule.ID })
@Path("emergency/resources")
@Produces(MediaType.APPLICATION_JSON)
public class ResourceRegistryResource {
    private final EmergencyServiceImpl service;

    @Activate
    public ResourceRegistryResource(@Reference EmergencyServiceImpl service) {
        this.service = service;
    }

    @GET
    @RequiresPermission(EmergencyModule.READ)
    public Page<EmergencyResourceItem> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("sort") String sort, @QueryParam("category") String category, @QueryParam("type") String type,
            @QueryParam("enterpriseId") Long enterpriseId, @QueryParam("q") String q, @QueryParam("usable") Boolean usable) {
        if (category != null && !ResourceTypes.TYPES.containsKey(category)) {
            throw ProblemException.badRequest("category must be one of " + ResourceTypes.categories());
        }
        return service.resources.list(PageQuery.parse(page, size, sort, ResourceStore.SORTABLE),
                new ResourceStore.Filter(category, type, enterpriseId, q, usable));
    }

    /** The categories and their types (code → Chinese name). */
    @GET
    @Path("types")
    @RequiresPermission(EmergencyModule.READ)
    public Map<String, Map<String, String>> types() {
        return ResourceTypes.TYPES;
    }

    @GET
    @Path("statistics")
    @RequiresPermission(EmergencyModule.READ)
    public Map<String, Object> statistics() {
        return service.resources.statistics(service.enterpriseNames());
    }

    /** Every resource the caller may see as an Excel workbook (mobile numbers masked unless allowed). */
    @GET
    @Path("export.xlsx")
    @Produces(Xlsx.MEDIA_TYPE)
    @RequiresPermission(EmergencyModule.READ)
    public Response export() throws IOException {
        Map<Long, String> names = service.enterpriseNames();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Xlsx x = new Xlsx(out)) {
            x.sheet("应急资源 Resources", List.of("编码 Code", "类别 Category", "名称 Name", "类型 Type", "所属 Owner", "单位/机构 Organisation",
                    "手机 Mobile", "人数 Members", "数量 Quantity", "计量单位 Unit", "东 East (m)", "北 North (m)", "有效期 Expiry", "可用 Available",
                    "可调用 Usable", "备注 Notes"));
            for (EmergencyResourceItem i : service.resources.all()) {
                x.row(i.code(), i.category(), i.name(), ResourceTypes.nameZh(i.category(), i.type()),
                        i.enterpriseId() == null ? "园区 Park" : names.getOrDefault(i.enterpriseId(), String.valueOf(i.enterpriseId())),
                        i.organisation(), i.mobile() == null ? null : Sensitive.mobile(i.mobile()), i.members(), i.quantity(), i.quantityUnit(),
                        i.east(), i.north(), i.expiryDate(), Boolean.TRUE.equals(i.available()) ? "是" : "否", i.usable() ? "是" : "否", i.notes());
            }
            Map<String, Object> stats = service.resources.statistics(names);
            x.sheet("统计 Statistics", List.of("类别 Category", "类型 Type", "数量 Count", "可调用 Usable", "合计 Quantity", "人数 Members"));
            for (Object o : (List<?>) stats.get("byType")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> t = (Map<String, Object>) o;
                x.row(t.get("category"), t.get("typeZh"), t.get("count"), t.get("usable"), t.get("quantity"), t.get("members"));
            }
        }
        return Response.ok(out.toByteArray(), Xlsx.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"emergency-resources-" + LocalDate.now() + ".xlsx\"").build();
    }

    @GET
    @Path("{id}")
    @RequiresPermission(EmergencyModule.READ)
    public EmergencyResourceItem get(@PathParam("id") long id) {
        return service.resources.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(EmergencyModule.ADMIN)
    public Response create(EmergencyResourceItem item) {
        if (item == null) {
            throw ProblemException.badRequest("send the resource as JSON");
        }
        EmergencyResourceItem created = service.resources.create(item);
        return Response.status(201).header("Location", Rest.BASE_PATH + "/emergency/resources/" + created.id()).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(EmergencyModule.ADMIN)
    public EmergencyResourceItem update(@PathParam("id") long id, EmergencyResourceItem item) {
        if (item == null) {
            throw ProblemException.badRequest("send the resource as JSON");
        }
        return service.resources.update(id, item);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(EmergencyModule.ADMIN)
    public Response delete(@PathParam("id") long id) {
        service.resources.delete(id);
        return Response.noContent().build();
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
