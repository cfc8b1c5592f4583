package org.chempark.asset.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chempark.asset.CatalogEntry;
import org.chempark.asset.Chemical;
import org.chempark.asset.Enterprise;
import org.chempark.asset.Equipment;
import org.chempark.asset.InventoryItem;
import org.chempark.asset.MapFeature;
import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.Park;
import org.chempark.asset.Unit;
import org.chempark.sdk.rest.ProblemException;

/**
 * Loads the demo park (滨江化工园区, tools/demo-park) through the same validation as the API,
 * in one transaction: either the whole park is there afterwards or nothing is.
 */
final class DemoPark {
    static final String RESOURCE = "demo/demo-park.json";

    record Counts(int enterprises, int units, int equipment, int points, int chemicals) {
    }

    private DemoPark() {
    }

    static Counts load(AssetStore store, InputStream in) throws IOException {
        ObjectMapper om = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        JsonNode root = om.readTree(in);
        if (root.path("formatVersion").asInt() != 1) {
            throw new IOException("demo park formatVersion " + root.path("formatVersion") + " is not supported (expected 1)");
        }
        try {
            return store.tx.write(em -> {
                try {
                    return importAll(store, em, om, root);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (ProblemException e) {
            throw new IOException("demo park data is invalid: " + e.detail() + " " + e.errors(), e);
        }
    }

    private static Counts importAll(AssetStore store, EntityManager em, ObjectMapper om, JsonNode root) throws IOException {
        JsonNode park = root.path("park");
        store.savePark(em, new Park(null, park.path("code").asText(), park.path("name").asText(), text(park, "nameEn"),
                text(park, "address"), num(park, "areaKm2"), text(park, "crs"), num(park, "originLon"), num(park, "originLat"),
                map(om, park.get("boundary")), null));
        for (JsonNode f : root.path("mapFeatures")) {
            store.insertMapFeature(em, new MapFeature(null, f.path("code").asText(), f.path("kind").asText(), f.path("name").asText(),
                    map(om, f.get("geometry")), null));
        }
        Map<String, Long> chemicalIds = new HashMap<>();
        for (JsonNode c : root.path("chemicals")) {
            Chemical saved = store.insertChemical(em, new Chemical(null, c.path("cas").asText(), c.path("nameZh").asText(),
                    text(c, "nameEn"), text(c, "unNumber"), c.path("hazardCategory").asText(), num(c, "criticalQuantityT"),
                    c.path("keySupervised").asBoolean(), null));
            chemicalIds.put(saved.cas(), saved.id());
        }
        for (JsonNode c : root.path("catalog")) {
            String cas = text(c, "cas");
            store.saveCatalog(em, null, new CatalogEntry(null, org.chempark.asset.CatalogCategory.valueOf(c.path("category").asText()),
                    org.chempark.asset.CatalogSubject.valueOf(c.path("subjectType").asText()), cas == null ? null : chemicalIds.get(cas),
                    c.path("name").asText(), text(c, "reason"), text(c, "basis"), null));
        }
        int units = 0;
        int equipment = 0;
        int points = 0;
        int enterprises = 0;
        for (JsonNode e : root.path("enterprises")) {
            Enterprise ent = store.insertEnterprise(em, new Enterprise(null, e.path("code").asText(), e.path("name").asText(),
                    e.path("creditCode").asText(), e.path("industry").asText(), text(e, "legalRepresentative"), text(e, "safetyContact"),
                    text(e, "phone"), text(e, "address"), e.hasNonNull("employees") ? e.get("employees").asInt() : null,
                    map(om, e.get("geometry")), null));
            enterprises++;
            for (JsonNode u : e.path("units")) {
                List<InventoryItem> inventory = new java.util.ArrayList<>();
                for (JsonNode i : u.path("inventory")) {
                    inventory.add(new InventoryItem(null, i.path("cas").asText(), null, num(i, "quantityT")));
                }
                Unit unit = store.insertUnit(em, new Unit(null, ent.id(), u.path("code").asText(), u.path("name").asText(),
                        org.chempark.asset.UnitType.valueOf(u.path("type").asText()),
                        u.hasNonNull("exposedPeople") ? u.get("exposedPeople").asInt() : null, map(om, u.get("geometry")), inventory, null));
                units++;
                for (JsonNode q : u.path("equipment")) {
                    Equipment eq = store.insertEquipment(em, new Equipment(null, unit.id(), q.path("code").asText(), q.path("name").asText(),
                            org.chempark.asset.EquipmentType.valueOf(q.path("type").asText()), num(q, "capacityM3"),
                            num(q, "designPressureMPa"), num(q, "designTemperatureC"), map(om, q.get("geometry")), null));
                    equipment++;
                    for (JsonNode p : q.path("points")) {
                        String gas = text(p, "gasCas");
                        store.insertPoint(em, new MonitoringPoint(null, eq.id(), p.path("code").asText(), p.path("name").asText(),
                                org.chempark.asset.PointType.valueOf(p.path("type").asText()), p.path("unit").asText(), num(p, "rangeLow"),
                                num(p, "rangeHigh"), num(p, "ll"), num(p, "l"), num(p, "h"), num(p, "hh"),
                                gas == null ? null : chemicalIds.get(gas), map(om, p.get("geometry")), null, null, null));
                        points++;
                    }
                }
            }
        }
        return new Counts(enterprises, units, equipment, points, chemicalIds.size());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double num(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(ObjectMapper om, JsonNode n) {
        return n == null || n.isNull() ? null : om.convertValue(n, Map.class);
    }
}
