package org.chempark.hazard.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.chempark.asset.AssetService;
import org.chempark.asset.Chemical;
import org.chempark.hazard.HazardAssessment;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Rest;
import org.chempark.sdk.security.DataScope;
import org.chempark.sdk.security.RequiresPermission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/hazard/...}: GB 18218-2018 identification and grading of every unit with the
 * explanation of each term, the grading history, a park-wide regrade, and the GB/T 50493-2019
 * check of every gas detector's set points.
 */
@Component(service = HazardResource.class, property = { Rest.RESOURCE, Rest.MODULE + "=" + HazardModule.ID })
@Path("hazard")
@RequiresPermission("hazard:read")
@Produces(MediaType.APPLICATION_JSON)
public class HazardResource {
    private final HazardServiceImpl service;
    private final AssetService assets;
    private final Monitoring monitoring;

    @Activate
    public HazardResource(@Reference HazardServiceImpl service, @Reference AssetService assets, @Reference Monitoring monitoring) {
        this.service = service;
        this.assets = assets;
        this.monitoring = monitoring;
    }

    /** Monitoring of one hazard source (R-F2.2): its points with latest values and active alarms. */
    @GET
    @Path("units/{unitId}/monitoring")
    public Monitoring.View monitoring(@PathParam("unitId") long unitId) {
        return monitoring.view(unitId);
    }

    /** Trend of one point of the hazard source (stored readings; needs the telemetry module). */
    @GET
    @Path("units/{unitId}/points/{pointCode}/trend")
    public List<org.chempark.sdk.telemetry.Reading> trend(@PathParam("unitId") long unitId, @PathParam("pointCode") String pointCode,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") Integer limit) {
        return monitoring.trend(unitId, pointCode, instant("from", from), instant("to", to), limit == null ? 2000 : limit);
    }

    /** 在线抽查: records that the caller checked this hazard source's monitoring, with what was shown. */
    @POST
    @Path("units/{unitId}/spot-checks")
    @javax.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("hazard:review")
    public javax.ws.rs.core.Response spotCheck(@PathParam("unitId") long unitId, Duty.SpotCheckInput in) {
        return javax.ws.rs.core.Response.status(201).entity(monitoring.spotCheck(unitId, in)).build();
    }

    @GET
    @Path("spot-checks")
    public List<Duty.SpotCheck> spotChecks(@QueryParam("unitId") Long unitId, @QueryParam("enterpriseId") Long enterpriseId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return monitoring.spotChecks(unitId, enterpriseId, instant("from", from), instant("to", to));
    }

    @GET
    @Path("spot-checks/statistics")
    public Map<String, Object> spotCheckStatistics(@QueryParam("from") String from, @QueryParam("to") String to) {
        return monitoring.spotCheckStatistics(instant("from", from), instant("to", to));
    }

    static java.time.Instant instant(String field, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return java.time.Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ProblemException(400, "Bad request", field + " must be an ISO-8601 instant like 2026-01-31T08:00:00Z",
                    List.of(new org.chempark.sdk.rest.FieldError(field, "format", "ISO-8601 instant")));
        }
    }

    /** Units identified as major hazard sources (all units with {@code all=true}), most severe first. */
    @GET
    @Path("sources")
    public List<HazardAssessment> sources(@QueryParam("all") boolean all, @QueryParam("enterpriseId") Long enterpriseId) {
        DataScope scope = DataScope.current();
        return service.assessments().stream()
                .filter(a -> scope.allows(a.enterpriseId()))
                .filter(a -> all || a.majorHazardSource())
                .filter(a -> enterpriseId == null || enterpriseId.equals(a.enterpriseId()))
                .sorted((a, b) -> {
                    int ga = a.grade() == null ? 9 : a.grade();
                    int gb = b.grade() == null ? 9 : b.grade();
                    return ga != gb ? Integer.compare(ga, gb) : Double.compare(b.s(), a.s());
                })
                .toList();
    }

    @GET
    @Path("units/{unitId}")
    public HazardAssessment unit(@PathParam("unitId") long unitId) {
        HazardAssessment a = service.assessment(unitId).orElseThrow(() -> ProblemException.notFound("unit", unitId));
        DataScope.current().check(a.enterpriseId());
        return a;
    }

    @GET
    @Path("units/{unitId}/history")
    public List<Map<String, Object>> history(@PathParam("unitId") long unitId) {
        unit(unitId);
        return service.history(unitId);
    }

    /** Recomputes every unit now (it also happens by itself after every asset change). */
    @POST
    @RequiresPermission("hazard:regrade")
    @Path("regrade")
    public HazardServiceImpl.RegradeSummary regrade() {
        return service.regrade();
    }

    @GET
    @Path("statistics")
    public Map<String, Object> statistics() {
        DataScope scope = DataScope.current();
        List<HazardAssessment> all = service.assessments().stream().filter(a -> scope.allows(a.enterpriseId())).toList();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("units", all.size());
        s.put("majorHazardSources", all.stream().filter(HazardAssessment::majorHazardSource).count());
        s.put("byGrade", all.stream().filter(HazardAssessment::majorHazardSource)
                .collect(Collectors.groupingBy(a -> a.gradeZh(), java.util.TreeMap::new, Collectors.counting())));
        s.put("byEnterprise", all.stream().filter(HazardAssessment::majorHazardSource)
                .collect(Collectors.groupingBy(a -> String.valueOf(a.enterpriseId()), java.util.TreeMap::new, Collectors.counting())));
        s.put("notAssessed", all.stream().filter(a -> a.error() != null).map(a -> a.unitCode() + ": " + a.error()).toList());
        s.put("lastRegrade", service.lastSummary());
        return s;
    }

    /** GB/T 50493-2019 check of every gas detector ({@code violations=true}: only detectors that break a rule). */
    @GET
    @Path("detector-check")
    public List<DetectorCheck.Result> detectorCheck(@QueryParam("violations") boolean violationsOnly) {
        Map<Long, Chemical> chemicals = assets.chemicals().stream().collect(Collectors.toMap(Chemical::id, Function.identity()));
        DataScope scope = DataScope.current();
        return service.detectorCheck.check(assets.points(), chemicals).stream().filter(r -> scope.allows(r.enterpriseId()))
                .filter(r -> !violationsOnly || !r.compliant()).toList();
    }
}
