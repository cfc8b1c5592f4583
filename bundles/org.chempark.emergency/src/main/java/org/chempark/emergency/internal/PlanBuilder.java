package org.chempark.emergency.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.chempark.asset.Enterprise;
import org.chempark.asset.InventoryItem;
import org.chempark.asset.MapFeature;
import org.chempark.asset.Unit;
import org.chempark.emergency.model.ChemicalProperties;
import org.chempark.emergency.model.DominoAnalysis;
import org.chempark.emergency.model.DominoExposure;
import org.chempark.emergency.model.EquipmentType;
import org.chempark.emergency.model.EscalationThresholds;
import org.chempark.emergency.model.NeighbourUnit;
import org.chempark.emergency.model.ScenarioField;
import org.chempark.emergency.model.WindFrame;
import org.chempark.sdk.security.Sensitive;

/**
 * The generated response plan (应急处置方案) of a scenario on the current park: zones with the
 * enterprises, units and people inside, units exposed to domino escalation, nearest suitable
 * resources and teams, upwind assembly points and the notification list. Pure: the caller passes
 * the park and the resources the current user may see.
 */
final class PlanBuilder {
    /** Map feature kinds taken as assembly points (紧急集合点). */
    static final Set<String> ASSEMBLY_KINDS = Set.of("ASSEMBLY_POINT", "ASSEMBLY");
    /** Spacing of the candidate points sampled along roads [m]. */
    static final double ROAD_STEP = 50;
    /** An assembly point keeps this clearance from every zone [m]. */
    static final double ZONE_CLEARANCE = 100;
    /** Computed assembly points are at least this far apart [m]. */
    static final double ASSEMBLY_SEPARATION = 400;
    /** How many assembly points, and how many resources per category, the plan lists. */
    static final int ASSEMBLY_COUNT = 3, RESOURCES_PER_CATEGORY = 5;

    /** The park emergency office named first in the notification list (config PID org.chempark.emergency). */
    record Office(String name, String contact, String phone) {
    }

    private final ChemicalProperties table;
    private final Office office;

    PlanBuilder(ChemicalProperties table, Office office) {
        this.table = table;
        this.office = office;
    }

    /** The park as the plan sees it. */
    record Park(List<Enterprise> enterprises, List<Unit> units, List<MapFeature> features) {
    }

    Map<String, Object> build(Map<String, Object> scenario, ScenarioEngine.Inputs in, ScenarioEngine.Result result, Park park,
            List<EmergencyResourceItem> resources, java.util.function.LongPredicate enterpriseVisible) {
        double[] src = { in.sourceEast(), in.sourceNorth() };
        List<ScenarioEngine.Zone> zones = new ArrayList<>(result.zones());
        zones.sort(Comparator.comparing(ScenarioEngine.Zone::hazard).thenComparingInt(ScenarioEngine.Zone::level));
        Set<String> hazards = zones.stream().map(ScenarioEngine.Zone::hazard).collect(Collectors.toSet());
        List<ScenarioEngine.Zone> severe = zones.stream().filter(z -> z.level() == 1).toList();
        Long sourceUnit = scenario.get("unitId") == null ? null : ((Number) scenario.get("unitId")).longValue();

        Map<Long, Enterprise> enterprises = new LinkedHashMap<>();
        park.enterprises().forEach(e -> enterprises.put(e.id(), e));
        Map<Long, List<double[]>> entRings = new LinkedHashMap<>();
        for (Enterprise e : park.enterprises()) {
            List<double[]> ring = Geo.outerRing(e.geometry());
            if (!ring.isEmpty()) {
                entRings.put(e.id(), ring);
            }
        }

        // --- zones with enterprises, units and people inside
        List<Map<String, Object>> zoneOut = new ArrayList<>();
        Set<Long> exposedEnterprises = new HashSet<>();
        Map<Long, String> worstZoneOfEnterprise = new LinkedHashMap<>();
        for (ScenarioEngine.Zone z : zones) {
            double[] box = Geo.bbox(z.polygon());
            List<Map<String, Object>> ents = new ArrayList<>();
            long people = 0;
            for (Map.Entry<Long, List<double[]>> er : entRings.entrySet()) {
                double f = Geo.fractionInside(er.getValue(), z.polygon(), box);
                if (f <= 0) {
                    continue;
                }
                Enterprise e = enterprises.get(er.getKey());
                long inside = Math.round((e.employees() == null ? 0 : e.employees()) * f);
                people += inside;
                exposedEnterprises.add(e.id());
                worstZoneOfEnterprise.merge(e.id(), z.code(), (a, b) -> a);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("enterpriseId", e.id());
                m.put("code", e.code());
                m.put("name", e.name());
                m.put("employees", e.employees());
                m.put("shareOfAreaInside", ScenarioEngine.round(f, 2));
                m.put("peopleInsideEstimate", inside);
                ents.add(m);
            }
            ents.sort(Comparator.comparingLong((Map<String, Object> m) -> (Long) m.get("peopleInsideEstimate")).reversed());
            List<Map<String, Object>> units = new ArrayList<>();
            for (Unit u : park.units()) {
                if (Geo.overlaps(Geo.outerRing(u.geometry()), z.polygon(), box)) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("unitId", u.id());
                    m.put("code", u.code());
                    m.put("name", u.name());
                    m.put("enterpriseId", u.enterpriseId());
                    m.put("exposedPeople", u.exposedPeople());
                    units.add(m);
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("level", z.level());
            m.put("hazard", z.hazard());
            m.put("code", z.code());
            m.put("nameZh", z.nameZh());
            m.put("nameEn", z.nameEn());
            m.put("threshold", Double.isNaN(z.threshold()) ? null : z.threshold());
            m.put("thresholdUnit", Double.isNaN(z.threshold()) ? null : z.unit());
            m.put("distanceM", z.distance());
            m.put("areaM2", Math.round(Geo.area(z.polygon())));
            m.put("model", z.model());
            m.put("peopleInsideEstimate", people);
            m.put("enterprises", ents);
            m.put("units", units);
            zoneOut.add(m);
        }

        // --- domino: the other units, pressurised if they hold a liquefied gas
        List<Map<String, Object>> domino = new ArrayList<>();
        String dominoNote;
        if (result.field() == null) {
            dominoNote = "No heat-flux or overpressure field: a dispersion without ignition has no domino effect (compute a pool fire, VCE or BLEVE for it)";
        } else {
            Map<String, Unit> byId = new LinkedHashMap<>();
            List<NeighbourUnit> neighbours = new ArrayList<>();
            for (Unit u : park.units()) {
                double[] c = Geo.anchor(u.geometry());
                if (c == null || (sourceUnit != null && sourceUnit.equals(u.id()))) {
                    continue;
                }
                byId.put(String.valueOf(u.id()), u);
                neighbours.add(new NeighbourUnit(String.valueOf(u.id()), c[0], c[1], pressurised(u) ? EquipmentType.PRESSURISED
                        : EquipmentType.ATMOSPHERIC));
            }
            for (DominoExposure x : DominoAnalysis.escalating(neighbours, result.field(), EscalationThresholds.COZZANI)) {
                Unit u = byId.get(x.unit().id());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("unitId", u.id());
                m.put("code", u.code());
                m.put("name", u.name());
                m.put("enterpriseId", u.enterpriseId());
                m.put("equipmentType", x.unit().type().name());
                m.put("kind", x.kind().name());
                m.put("value", ScenarioEngine.round(x.value(), 2));
                m.put("threshold", x.threshold());
                m.put("ratio", ScenarioEngine.round(x.ratio(), 2));
                m.put("distanceM", Math.round(Math.hypot(x.unit().east() - src[0], x.unit().north() - src[1])));
                domino.add(m);
            }
            dominoNote = "Escalation thresholds of Cozzani et al. (2005) at each unit's centre: "
                    + (result.field().kind() == ScenarioField.Kind.HEAT_FLUX_KW_M2 ? "15 kW/m² atmospheric, 45 kW/m² pressurised"
                            : "22 kPa atmospheric, 16 kPa pressurised");
        }

        // --- resources: suitable, usable, outside the most severe zones, nearest first
        Map<String, List<Map<String, Object>>> res = new LinkedHashMap<>();
        int excluded = 0;
        for (String cat : ResourceTypes.categories()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (EmergencyResourceItem r : resources) {
                if (!r.category().equals(cat) || !ResourceTypes.suits(r.type(), hazards) || !Boolean.TRUE.equals(r.usable())) {
                    continue;
                }
                Double dist = null;
                if (r.east() != null) {
                    boolean inSevere = severe.stream().anyMatch(z -> Geo.inside(r.east(), r.north(), z.polygon()));
                    if (inSevere) {
                        excluded++;
                        continue;
                    }
                    dist = (double) Math.round(Math.hypot(r.east() - src[0], r.north() - src[1]));
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", r.id());
                m.put("code", r.code());
                m.put("name", r.name());
                m.put("type", r.type());
                m.put("typeZh", ResourceTypes.nameZh(r.category(), r.type()));
                m.put("enterpriseId", r.enterpriseId());
                m.put("owner", r.enterpriseId() == null ? "园区 Park" : name(enterprises.get(r.enterpriseId())));
                m.put("distanceM", dist);
                m.put("members", r.members());
                m.put("quantity", r.quantity());
                m.put("quantityUnit", r.quantityUnit());
                m.put("organisation", r.organisation());
                m.put("mobile", r.mobile() == null ? null : Sensitive.mobile(r.mobile()));
                m.put("east", r.east());
                m.put("north", r.north());
                list.add(m);
            }
            list.sort(Comparator.comparingDouble(m -> m.get("distanceM") == null ? Double.MAX_VALUE : (Double) m.get("distanceM")));
            res.put(cat, list.size() > RESOURCES_PER_CATEGORY ? list.subList(0, RESOURCES_PER_CATEGORY) : list);
        }

        // --- assembly points
        List<Map<String, Object>> assembly = assemblyPoints(park.features(), zones, src, in.windFromDegrees());

        // --- notifications
        List<Map<String, Object>> notify = new ArrayList<>();
        notify.add(contact("园区应急管理办公室 Park emergency office", office.name(), office.contact(), office.phone(), "总指挥/值班 Command and duty"));
        for (Long id : exposedEnterprises.stream().sorted().toList()) {
            Enterprise e = enterprises.get(id);
            boolean visible = enterpriseVisible.test(id);
            notify.add(contact("企业安全负责人 Enterprise safety contact", e.name(), visible ? e.safetyContact() : "（无权查看 not in your scope）",
                    visible ? e.phone() : null, "位于影响区 " + worstZoneOfEnterprise.get(id) + " 内 inside zone"));
        }
        if (sourceUnit != null) {
            Long entId = scenario.get("enterpriseId") == null ? null : ((Number) scenario.get("enterpriseId")).longValue();
            Enterprise e = entId == null ? null : enterprises.get(entId);
            if (e != null && !exposedEnterprises.contains(e.id())) {
                notify.add(contact("事故企业 Enterprise of the source", e.name(), e.safetyContact(), e.phone(), "事故单元所属企业 owner of the unit"));
            }
        }
        for (Map<String, Object> ex : res.getOrDefault("EXPERT", List.of())) {
            notify.add(contact("应急专家 Expert (" + ex.get("typeZh") + ")", String.valueOf(ex.get("organisation")), String.valueOf(ex.get("name")),
                    (String) ex.get("mobile"), "专业咨询 Consultation"));
        }

        long peopleTotal = 0;
        Map<Long, Long> maxPerEnterprise = new LinkedHashMap<>();
        for (Map<String, Object> z : zoneOut) {
            for (Object o : (List<?>) z.get("enterprises")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> e = (Map<String, Object>) o;
                maxPerEnterprise.merge((Long) e.get("enterpriseId"), (Long) e.get("peopleInsideEstimate"), Math::max);
            }
        }
        for (long v : maxPerEnterprise.values()) {
            peopleTotal += v;
        }

        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("scenarioId", scenario.get("id"));
        plan.put("name", scenario.get("name"));
        plan.put("generatedAt", java.time.Instant.now().toString());
        plan.put("releaseType", scenario.get("releaseType"));
        plan.put("releaseTypeZh", scenario.get("releaseTypeZh"));
        plan.put("chemical", scenario.get("chemical"));
        plan.put("source", scenario.get("source"));
        plan.put("unitCode", scenario.get("unitCode"));
        plan.put("enterpriseName", scenario.get("enterpriseName"));
        plan.put("weather", scenario.get("weather"));
        plan.put("sourceTerm", result.sourceTerm());
        plan.put("assumptions", scenario.get("assumptions"));
        plan.put("summary", Map.of("zones", zoneOut.size(), "exposedEnterprises", exposedEnterprises.size(),
                "peopleInsideEstimate", peopleTotal, "dominoUnits", domino.size(),
                "maxDistanceM", zones.stream().mapToDouble(ScenarioEngine.Zone::distance).max().orElse(0)));
        plan.put("zones", zoneOut);
        plan.put("domino", domino);
        plan.put("dominoNote", dominoNote);
        plan.put("resources", res);
        plan.put("resourcesExcludedInSevereZone", excluded);
        plan.put("assemblyPoints", assembly);
        plan.put("notifications", notify);
        plan.put("detectors", scenario.get("detectors"));
        return plan;
    }

    private boolean pressurised(Unit u) {
        if (u.inventory() == null) {
            return false;
        }
        for (InventoryItem i : u.inventory()) {
            if (i.cas() != null && table.find(i.cas()).map(c -> c.boilingPoint() < 293.15).orElse(false)) {
                return true; // a liquefied gas is stored under pressure
            }
        }
        return false;
    }

    private static String name(Enterprise e) {
        return e == null ? "?" : e.name();
    }

    private static Map<String, Object> contact(String role, String organisation, String person, String phone, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("organisation", organisation);
        m.put("contact", person);
        m.put("phone", phone);
        m.put("reason", reason);
        return m;
    }

    /**
     * Assembly points: map features of kind ASSEMBLY_POINT outside every zone (upwind ones first); when the
     * park has none that qualify, points sampled every 50 m along the roads that are upwind or crosswind of
     * the source (not downwind), at least 100 m clear of every zone, nearest first and 400 m apart.
     */
    static List<Map<String, Object>> assemblyPoints(List<MapFeature> features, List<ScenarioEngine.Zone> zones, double[] src,
            double windFrom) {
        WindFrame wf = new WindFrame(src[0], src[1], windFrom % 360.0);
        double de = wf.downwindEast(), dn = wf.downwindNorth();
        List<Map<String, Object>> out = new ArrayList<>();
        for (MapFeature f : features) {
            if (f.kind() == null || !ASSEMBLY_KINDS.contains(f.kind().toUpperCase())) {
                continue;
            }
            double[] p = Geo.anchor(f.geometry());
            if (p != null && clear(p, zones, 0)) {
                double along = (p[0] - src[0]) * de + (p[1] - src[1]) * dn;
                out.add(point(f.name(), p, src, along < 0, "map feature " + f.code()));
            }
        }
        if (!out.isEmpty()) {
            out.sort(Comparator.comparing((Map<String, Object> m) -> !(Boolean) m.get("upwind"))
                    .thenComparingDouble(m -> (Double) m.get("distanceM")));
            return out.size() > ASSEMBLY_COUNT ? out.subList(0, ASSEMBLY_COUNT) : out;
        }
        List<double[]> candidates = new ArrayList<>();
        List<String> roadNames = new ArrayList<>();
        for (MapFeature f : features) {
            if (!"ROAD".equalsIgnoreCase(f.kind())) {
                continue;
            }
            List<double[]> line = Geo.line(f.geometry());
            for (int i = 1; i < line.size(); i++) {
                double[] a = line.get(i - 1), b = line.get(i);
                double len = Geo.distance(a, b);
                for (double s = 0; s <= len; s += ROAD_STEP) {
                    double t = len == 0 ? 0 : s / len;
                    candidates.add(new double[] { a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]) });
                    roadNames.add(f.name());
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            double[] p = candidates.get(i);
            double along = (p[0] - src[0]) * de + (p[1] - src[1]) * dn;
            double dist = Geo.distance(p, src);
            // not downwind: behind the source or at least 60° off the downwind axis
            if (dist > 0 && along / dist < 0.5 && clear(p, zones, ZONE_CLEARANCE)) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble(i -> Geo.distance(candidates.get(i), src)));
        for (int i : order) {
            double[] p = candidates.get(i);
            if (out.stream().allMatch(m -> Math.hypot((Double) m.get("east") - p[0], (Double) m.get("north") - p[1]) >= ASSEMBLY_SEPARATION)) {
                double along = (p[0] - src[0]) * de + (p[1] - src[1]) * dn;
                out.add(point("临时集合点（" + roadNames.get(i) + "） Temporary assembly point", p, src, along < 0,
                        "computed on road " + roadNames.get(i)));
                if (out.size() == ASSEMBLY_COUNT) {
                    break;
                }
            }
        }
        return out;
    }

    private static boolean clear(double[] p, List<ScenarioEngine.Zone> zones, double clearance) {
        for (ScenarioEngine.Zone z : zones) {
            if (Geo.inside(p[0], p[1], z.polygon()) || (clearance > 0 && Geo.distanceToBoundary(p[0], p[1], z.polygon()) < clearance)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> point(String name, double[] p, double[] src, boolean upwind, String origin) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("east", ScenarioEngine.round(p[0], 1));
        m.put("north", ScenarioEngine.round(p[1], 1));
        m.put("distanceM", (double) Math.round(Geo.distance(p, src)));
        m.put("upwind", upwind);
        m.put("origin", origin);
        return m;
    }
}
