package org.chempark.hazard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chempark.asset.Chemical;
import org.chempark.asset.InventoryItem;
import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.PointType;
import org.chempark.asset.Unit;
import org.chempark.asset.UnitType;
import org.chempark.hazard.HazardAssessment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Grades the demo park (R-F1.1 两重点一重大, GB 18218-2018) and checks its gas detectors
 * (GB/T 50493-2019). The demo data was produced by an independent generator that computed S
 * itself; the module must agree with it, and must find exactly the detectors the generator
 * misconfigured on purpose.
 */
class DemoParkGradingTest {
    static final Map<Long, Chemical> chemicals = new HashMap<>();
    static final Map<String, Long> casToId = new HashMap<>();
    static final List<Unit> units = new ArrayList<>();
    static final List<MonitoringPoint> points = new ArrayList<>();
    static JsonNode root;

    @BeforeAll
    static void load() throws Exception {
        Path json = Path.of("../org.chempark.asset/src/main/resources/demo/demo-park.json");
        try (InputStream in = Files.newInputStream(json)) {
            root = new ObjectMapper().readTree(in);
        }
        long id = 1;
        for (JsonNode c : root.path("chemicals")) {
            Chemical ch = new Chemical(id, c.path("cas").asText(), c.path("nameZh").asText(), null, null, c.path("hazardCategory").asText(),
                    c.path("criticalQuantityT").asDouble(), c.path("keySupervised").asBoolean(), 0);
            chemicals.put(id, ch);
            casToId.put(ch.cas(), id++);
        }
        long unitId = 1;
        long pointId = 1;
        long enterpriseId = 1;
        for (JsonNode e : root.path("enterprises")) {
            for (JsonNode u : e.path("units")) {
                List<InventoryItem> inv = new ArrayList<>();
                for (JsonNode i : u.path("inventory")) {
                    inv.add(new InventoryItem(casToId.get(i.path("cas").asText()), i.path("cas").asText(), null, i.path("quantityT").asDouble()));
                }
                units.add(new Unit(unitId, enterpriseId, u.path("code").asText(), u.path("name").asText(), UnitType.valueOf(u.path("type").asText()),
                        u.path("exposedPeople").asInt(), null, inv, 0));
                for (JsonNode q : u.path("equipment")) {
                    for (JsonNode p : q.path("points")) {
                        points.add(new MonitoringPoint(pointId++, 1L, p.path("code").asText(), p.path("name").asText(),
                                PointType.valueOf(p.path("type").asText()), p.path("unit").asText(), p.path("rangeLow").asDouble(),
                                p.path("rangeHigh").asDouble(), num(p, "ll"), num(p, "l"), num(p, "h"), num(p, "hh"),
                                p.hasNonNull("gasCas") ? casToId.get(p.get("gasCas").asText()) : null, null, 0, unitId, enterpriseId));
                    }
                }
                unitId++;
            }
            enterpriseId++;
        }
    }

    private static Double num(JsonNode n, String f) {
        return n.hasNonNull(f) ? n.get(f).asDouble() : null;
    }

    @Test
    void gradesEveryUnitAndAgreesWithTheIndependentComputation() {
        Grader grader = new Grader();
        List<HazardAssessment> all = units.stream().map(u -> grader.assess(u, chemicals, Instant.EPOCH)).toList();
        assertThat(all).allSatisfy(a -> assertThat(a.error()).as(a.unitCode()).isNull());
        Map<String, HazardAssessment> byCode = new HashMap<>();
        all.forEach(a -> byCode.put(a.unitCode(), a));
        // S values the demo generator computed on its own (tools/demo-park), to 2 decimals
        assertThat(byCode.get("E01-U01").s()).isCloseTo(59.40, org.assertj.core.data.Offset.offset(0.01));
        assertThat(byCode.get("E08-U02").s()).isCloseTo(109.80, org.assertj.core.data.Offset.offset(0.01));
        assertThat(byCode.get("E03-U03").s()).isCloseTo(18.04, org.assertj.core.data.Offset.offset(0.01));
        assertThat(byCode.get("E04-U04").s()).isCloseTo(15.80, org.assertj.core.data.Offset.offset(0.01));
        assertThat(byCode.get("E04-U02").majorHazardSource()).as("S = 0.90 stays below 1").isFalse();
        long major = all.stream().filter(HazardAssessment::majorHazardSource).count();
        assertThat(major).isBetween(25L, 35L);
        assertThat(all.stream().filter(HazardAssessment::majorHazardSource)).allSatisfy(a -> {
            assertThat(a.grade()).isBetween(1, 4);
            assertThat(a.r()).isNotNull();
            assertThat(a.terms()).isNotEmpty().allSatisfy(t -> assertThat(t.criticalQuantitySource()).startsWith("GB 18218-2018 Table"));
            assertThat(a.explanation()).isNotEmpty();
        });
        assertThat(all.stream().filter(a -> !a.majorHazardSource())).allSatisfy(a -> assertThat(a.grade()).isNull());
    }

    @Test
    void findsExactlyTheMisconfiguredDetectors() {
        List<String> expected = new ArrayList<>();
        root.path("notes").forEach(n -> {
            String s = n.asText();
            if (s.startsWith("misconfigured detector: ")) {
                expected.add(s.substring("misconfigured detector: ".length()).split(" ")[0]);
            }
        });
        assertThat(expected).hasSize(3);
        List<DetectorCheck.Result> results = new DetectorCheck().check(points, chemicals);
        assertThat(results).hasSizeGreaterThan(150);
        List<String> violating = results.stream().filter(r -> !r.compliant()).map(DetectorCheck.Result::code).toList();
        assertThat(violating).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(results.stream().filter(r -> !r.compliant()).flatMap(r -> r.findings().stream()))
                .allSatisfy(f -> assertThat(f.get("clause")).startsWith("GB/T 50493-2019"));
    }
}
