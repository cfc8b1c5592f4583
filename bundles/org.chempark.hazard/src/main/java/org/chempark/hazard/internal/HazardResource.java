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

    @Activate
    public HazardResource(@Reference HazardServiceImpl service, @Reference AssetService assets) {
        this.service = service;
        this.assets = assets;
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
