package org.chempark.emergency.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.chempark.emergency.ScenarioRequest;
import org.chempark.emergency.model.Chemical;
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
 * {@code /api/v1/emergency/scenarios}: compute an accident scenario on the live park (zones as GeoJSON
 * in the park frame), list and reopen stored ones, and their response plan as JSON or a printable page.
 */
@Component(service = ScenarioResource.class, property = { Rest.RESOURCE, Rest.MODULE + "=" + EmergencyModule.ID })
@Path("emergency/scenarios")
@Produces(MediaType.APPLICATION_JSON)
public class ScenarioResource {
    private final EmergencyServiceImpl service;

    @Activate
    public ScenarioResource(@Reference EmergencyServiceImpl service) {
        this.service = service;
    }

    /** Computes and stores a scenario; 201 with the scenario (zones under {@code zones}). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(EmergencyModule.READ)
    public Response compute(ScenarioRequest request) {
        Map<String, Object> s = service.compute(request);
        return Response.status(201).header("Location", Rest.BASE_PATH + "/emergency/scenarios/" + s.get("id")).entity(s).build();
    }

    /** Stored scenarios, newest first (enterprise users: their enterprise's). */
    @GET
    @RequiresPermission(EmergencyModule.READ)
    public Page<Map<String, Object>> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return service.scenarios.list(PageQuery.parse(page, size, null, Set.of()));
    }

    /** The chemicals the models know (CAS, names, thresholds present). */
    @GET
    @Path("chemicals")
    @RequiresPermission(EmergencyModule.READ)
    public List<Map<String, Object>> chemicals() {
        return service.table().all().stream().sorted(Comparator.comparing(Chemical::cas)).map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cas", c.cas());
            m.put("name", c.name());
            m.put("nameZh", c.nameZh());
            m.put("flammable", c.flammable());
            m.put("toxic", !Double.isNaN(c.idlhAsMgPerM3()) || !Double.isNaN(c.aegl2Ppm()) || !Double.isNaN(c.erpg2Ppm()));
            return m;
        }).toList();
    }

    @GET
    @Path("{id}")
    @RequiresPermission(EmergencyModule.READ)
    public Map<String, Object> get(@PathParam("id") long id) {
        return scoped(id);
    }

    /** Only the zones: a GeoJSON FeatureCollection in the park frame, for a map layer. */
    @GET
    @Path("{id}/zones")
    @RequiresPermission(EmergencyModule.READ)
    public Object zones(@PathParam("id") long id) {
        return scoped(id).get("zones");
    }

    /** The response plan on the current park and resources. */
    @GET
    @Path("{id}/plan")
    @RequiresPermission(EmergencyModule.READ)
    public Map<String, Object> plan(@PathParam("id") long id) {
        return service.plan(scoped(id));
    }

    /** The response plan as a printable page (zh-CN first, print CSS). */
    @GET
    @Path("{id}/plan.html")
    @Produces("text/html; charset=UTF-8")
    @RequiresPermission(EmergencyModule.READ)
    public String planHtml(@PathParam("id") long id) {
        return service.planHtml(scoped(id));
    }

    private Map<String, Object> scoped(long id) {
        Map<String, Object> s = service.scenario(id).orElseThrow(() -> ProblemException.notFound("scenario", id));
        Object ent = s.get("enterpriseId");
        DataScope.current().check(ent == null ? null : ((Number) ent).longValue());
        return s;
    }
}
