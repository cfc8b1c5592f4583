package org.chempark.simulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chempark.asset.Enterprise;
import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.PointType;
import org.chempark.asset.Unit;
import org.chempark.asset.UnitType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The demo park as the asset module ships it (demo/demo-park.json), with ids assigned in file order. */
final class DemoParkData {
    final List<Enterprise> enterprises = new ArrayList<>();
    final List<Unit> units = new ArrayList<>();
    final List<MonitoringPoint> points = new ArrayList<>();

    @SuppressWarnings("unchecked")
    DemoParkData() throws IOException {
        ObjectMapper om = new ObjectMapper();
        JsonNode root;
        try (InputStream in = MonitoringPoint.class.getClassLoader().getResourceAsStream("demo/demo-park.json")) {
            root = om.readTree(in);
        }
        long eid = 0, uid = 0, qid = 0, pid = 0;
        for (JsonNode e : root.path("enterprises")) {
            eid++;
            enterprises.add(new Enterprise(eid, e.path("code").asText(), e.path("name").asText(), null, null, null, null, null, null, null,
                    null, 1));
            for (JsonNode u : e.path("units")) {
                uid++;
                units.add(new Unit(uid, eid, u.path("code").asText(), u.path("name").asText(), UnitType.valueOf(u.path("type").asText()), null,
                        om.convertValue(u.get("geometry"), Map.class), List.of(), 1));
                for (JsonNode q : u.path("equipment")) {
                    qid++;
                    for (JsonNode p : q.path("points")) {
                        pid++;
                        points.add(new MonitoringPoint(pid, qid, p.path("code").asText(), p.path("name").asText(),
                                PointType.valueOf(p.path("type").asText()), p.path("unit").asText(), num(p, "rangeLow"), num(p, "rangeHigh"),
                                num(p, "ll"), num(p, "l"), num(p, "h"), num(p, "hh"), null, om.convertValue(p.get("geometry"), Map.class), 1, uid,
                                eid));
                    }
                }
            }
        }
    }

    private static Double num(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asDouble();
    }
}
