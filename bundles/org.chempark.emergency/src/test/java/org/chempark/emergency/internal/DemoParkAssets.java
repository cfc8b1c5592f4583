package org.chempark.emergency.internal;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chempark.asset.AssetService;
import org.chempark.asset.Chemical;
import org.chempark.asset.Enterprise;
import org.chempark.asset.InventoryItem;
import org.chempark.asset.MapFeature;
import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.Park;
import org.chempark.asset.PointType;
import org.chempark.asset.Unit;
import org.chempark.asset.UnitType;

/**
 * The asset model's demo park (the asset bundle's {@code demo-park.json}, the same data the platform
 * loads on first start) served through {@link AssetService}, ids numbered in file order as the asset
 * store assigns them to a fresh database: enterprises E01…E14 → 1…14, units and points in order.
 */
final class DemoParkAssets implements AssetService {
    /** From the module folder (Surefire) or from the repository root (the bench driver run by exec:java). */
    static final Path JSON = Files.exists(Path.of("../org.chempark.asset/src/main/resources/demo/demo-park.json"))
            ? Path.of("../org.chempark.asset/src/main/resources/demo/demo-park.json")
            : Path.of("bundles/org.chempark.asset/src/main/resources/demo/demo-park.json");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    final Park park;
    final List<Enterprise> enterprises = new ArrayList<>();
    final List<Unit> units = new ArrayList<>();
    final List<MonitoringPoint> points = new ArrayList<>();
    final List<Chemical> chemicals = new ArrayList<>();
    final List<MapFeature> features = new ArrayList<>();

    DemoParkAssets() throws Exception {
        ObjectMapper om = new ObjectMapper();
        JsonNode root;
        try (InputStream in = Files.newInputStream(JSON)) {
            root = om.readTree(in);
        }
        JsonNode p = root.path("park");
        park = new Park(1L, p.path("code").asText(), p.path("name").asText(), p.path("nameEn").asText(), p.path("address").asText(),
                p.path("areaKm2").asDouble(), p.path("crs").asText(), p.path("originLon").asDouble(), p.path("originLat").asDouble(),
                om.convertValue(p.path("boundary"), MAP), 0);
        long id = 1;
        for (JsonNode c : root.path("chemicals")) {
            chemicals.add(new Chemical(id++, c.path("cas").asText(), c.path("nameZh").asText(), c.path("nameEn").asText(), null,
                    c.path("hazardCategory").asText(), c.path("criticalQuantityT").asDouble(), c.path("keySupervised").asBoolean(), 0));
        }
        id = 1;
        for (JsonNode f : root.path("mapFeatures")) {
            features.add(new MapFeature(id++, f.path("code").asText(), f.path("kind").asText(), f.path("name").asText(),
                    om.convertValue(f.path("geometry"), MAP), 0));
        }
        long eid = 1, uid = 1, pid = 1;
        for (JsonNode e : root.path("enterprises")) {
            enterprises.add(new Enterprise(eid, e.path("code").asText(), e.path("name").asText(), e.path("creditCode").asText(),
                    e.path("industry").asText(), e.path("legalRepresentative").asText(), e.path("safetyContact").asText(),
                    e.path("phone").asText(), e.path("address").asText(), e.path("employees").asInt(), om.convertValue(e.path("geometry"), MAP), 0));
            for (JsonNode u : e.path("units")) {
                List<InventoryItem> inv = new ArrayList<>();
                for (JsonNode i : u.path("inventory")) {
                    inv.add(new InventoryItem(null, i.path("cas").asText(), null, i.path("quantityT").asDouble()));
                }
                units.add(new Unit(uid, eid, u.path("code").asText(), u.path("name").asText(), UnitType.valueOf(u.path("type").asText()),
                        u.path("exposedPeople").asInt(), om.convertValue(u.path("geometry"), MAP), inv, 0));
                for (JsonNode q : u.path("equipment")) {
                    for (JsonNode pt : q.path("points")) {
                        points.add(new MonitoringPoint(pid++, 1L, pt.path("code").asText(), pt.path("name").asText(),
                                PointType.valueOf(pt.path("type").asText()), pt.path("unit").asText(), pt.path("rangeLow").asDouble(),
                                pt.path("rangeHigh").asDouble(), num(pt, "ll"), num(pt, "l"), num(pt, "h"), num(pt, "hh"), null,
                                om.convertValue(pt.path("geometry"), MAP), 0, uid, eid));
                    }
                }
                uid++;
            }
            eid++;
        }
    }

    private static Double num(JsonNode n, String f) {
        return n.hasNonNull(f) ? n.get(f).asDouble() : null;
    }

    Unit unitByCode(String code) {
        return units.stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
    }

    @Override
    public Optional<Park> park() {
        return Optional.of(park);
    }

    @Override
    public List<Enterprise> enterprises() {
        return enterprises;
    }

    @Override
    public List<Unit> units() {
        return units;
    }

    @Override
    public Optional<Unit> unit(long id) {
        return units.stream().filter(u -> u.id() == id).findFirst();
    }

    /** The emergency module does not read equipment records. */
    @Override
    public List<org.chempark.asset.Equipment> equipment() {
        return List.of();
    }

    @Override
    public List<MonitoringPoint> points() {
        return points;
    }

    @Override
    public Optional<MonitoringPoint> pointByCode(String code) {
        return points.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    @Override
    public List<Chemical> chemicals() {
        return chemicals;
    }

    @Override
    public List<MapFeature> mapFeatures() {
        return features;
    }
}
