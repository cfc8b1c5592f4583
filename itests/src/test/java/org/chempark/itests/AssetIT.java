package org.chempark.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The asset model (R-F1.1, R-A.5) and the major hazard sources module over HTTP against the
 * assembled distribution with its embedded PostgreSQL and the demo park.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AssetIT extends ChemParkTestSupport {

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = authorized(HttpRequest.newBuilder(uri(API + path))).timeout(Duration.ofSeconds(20));
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void awaitAsset() throws Exception {
        await("asset resources and the demo park", Duration.ofSeconds(90),
                () -> answers(API + "/asset/statistics", j -> j.path("totals").path("enterprises").asInt() > 0));
    }

    @Test
    public void demoParkIsLoadedWithMapAndStatistics() throws Exception {
        awaitAsset();
        JsonNode totals = json(get(API + "/asset/statistics")).path("totals");
        assertTrue("enterprises " + totals, totals.path("enterprises").asInt() >= 10);
        assertTrue("units " + totals, totals.path("units").asInt() >= 30);
        assertTrue("points " + totals, totals.path("points").asInt() >= 300);
        JsonNode map = json(get(API + "/asset/map"));
        assertEquals("FeatureCollection", map.path("type").asText());
        Set<String> layers = new HashSet<>();
        map.path("features").forEach(f -> layers.add(f.path("properties").path("layer").asText()));
        assertTrue("layers " + layers, layers.containsAll(Set.of("park", "features", "enterprises", "units", "equipment", "points")));
        JsonNode page = json(get(API + "/asset/enterprises?size=3&sort=-code&q=%E5%8C%96%E5%B7%A5")); // q=化工
        assertEquals(3, page.path("items").size());
        assertTrue(page.path("total").asInt() >= 3);
    }

    @Test
    public void everyResourceNeedsAToken() throws Exception {
        awaitAsset();
        for (String path : new String[] { "/asset/enterprises", "/asset/map", "/hazard/sources", "/modules" }) {
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri(API + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertProblem(401, anonymous);
            assertTrue(path, anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            HttpResponse<String> tampered = http.send(HttpRequest.newBuilder(uri(API + path))
                    .header("Authorization", "Bearer " + token().substring(0, token().length() - 2) + "xx").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertProblem(401, tampered);
        }
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri(API + "/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, health.statusCode());
        assertEquals("nosniff", health.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", health.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("no-store", health.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    public void enterpriseLifecycleWithOptimisticLocking() throws Exception {
        awaitAsset();
        String body = "{\"code\":\"IT-E1\",\"name\":\"集成测试化工有限公司\",\"creditCode\":\"91350100M000100Y43\",\"industry\":\"精细化工\","
                + "\"employees\":12,\"geometry\":{\"type\":\"Point\",\"coordinates\":[100,200]}}";
        HttpResponse<String> created = send("POST", "/asset/enterprises", body);
        assertEquals(created.body(), 201, created.statusCode());
        assertTrue(created.headers().firstValue("Location").orElse("").contains("/api/v1/asset/enterprises/"));
        JsonNode e = json(created);
        long id = e.path("id").asLong();
        assertProblem(409, send("POST", "/asset/enterprises", body.replace("IT-E1", "IT-E2")));

        ObjectNode renamed = (ObjectNode) e.deepCopy();
        renamed.put("name", "集成测试化工（改名）有限公司");
        HttpResponse<String> updated = send("PUT", "/asset/enterprises/" + id, renamed.toString());
        assertEquals(updated.body(), 200, updated.statusCode());
        assertEquals(e.path("version").asInt() + 1, json(updated).path("version").asInt());
        assertProblem(409, send("PUT", "/asset/enterprises/" + id, renamed.toString())); // stale version

        assertEquals(204, send("DELETE", "/asset/enterprises/" + id, null).statusCode());
        assertProblem(404, get(API + "/asset/enterprises/" + id));
        assertProblem(409, send("DELETE", "/asset/enterprises/1", null)); // still has units
    }

    @Test
    public void badInputGetsProblemsAndNothingIsHalfWritten() throws Exception {
        awaitAsset();
        JsonNode invalid = assertProblem(422, send("POST", "/asset/enterprises",
                "{\"code\":\"bad code\",\"name\":\"\",\"creditCode\":\"91320681MA4LGYMW52\",\"industry\":\"x\",\"employees\":-3}"));
        Set<String> fields = new HashSet<>();
        invalid.path("errors").forEach(f -> fields.add(f.path("field").asText()));
        assertTrue(fields.toString(), fields.containsAll(Set.of("code", "name", "creditCode", "employees")));
        assertProblem(400, send("POST", "/asset/enterprises", "{\"code\": "));
        assertProblem(400, send("POST", "/asset/enterprises", "{\"code\":\"X\",\"nmae\":\"typo\"}"));
        assertProblem(400, send("POST", "/asset/enterprises", "{\"code\":\"X\",\"employees\":\"many\"}"));
        assertProblem(400, get(API + "/asset/enterprises?sort=password"));
        assertProblem(400, get(API + "/asset/enterprises/abc"));
        assertProblem(415, send("POST", "/asset/enterprises", null));
        assertProblem(413, post(API + "/asset/enterprises", "application/json", ("{\"name\":\"" + "x".repeat(1_100_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8)));

        int unitsBefore = json(get(API + "/asset/statistics")).path("totals").path("units").asInt();
        JsonNode p = assertProblem(422, send("POST", "/asset/units", "{\"enterpriseId\":1,\"code\":\"IT-U1\",\"name\":\"测试罐区\","
                + "\"type\":\"STORAGE\",\"inventory\":[{\"cas\":\"67-56-1\",\"quantityT\":10},{\"cas\":\"7732-18-5\",\"quantityT\":1}]}"));
        assertEquals("inventory[1].cas", p.path("errors").get(0).path("field").asText());
        assertEquals(unitsBefore, json(get(API + "/asset/statistics")).path("totals").path("units").asInt());
    }

    @Test
    public void inventoryChangeRegradesTheUnit() throws Exception {
        awaitAsset();
        await("hazard grading", Duration.ofSeconds(60), () -> answers(API + "/hazard/statistics", j -> j.path("units").asInt() > 0));
        JsonNode unit = json(get(API + "/asset/units?q=E04-U02")).path("items").get(0);
        long id = unit.path("id").asLong();
        double before = json(get(API + "/hazard/units/" + id)).path("s").asDouble();
        ObjectNode changed = (ObjectNode) unit.deepCopy();
        changed.withArray("inventory").forEach(i -> ((ObjectNode) i).put("quantityT", i.path("quantityT").asDouble() * 2));
        changed.withArray("inventory").forEach(i -> ((ObjectNode) i).remove(java.util.List.of("cas", "nameZh")));
        HttpResponse<String> r = send("PUT", "/asset/units/" + id, changed.toString());
        assertEquals(r.body(), 200, r.statusCode());
        await("S doubles after the inventory change", Duration.ofSeconds(5),
                () -> Math.abs(json(get(API + "/hazard/units/" + id)).path("s").asDouble() - 2 * before) < 1e-6);
        JsonNode after = json(get(API + "/hazard/units/" + id));
        assertTrue("S = " + after.path("s"), after.path("majorHazardSource").asBoolean());
        assertTrue("grading history of unit " + id + " has the change", json(get(API + "/hazard/units/" + id + "/history")).size() >= 2);
        JsonNode detectors = json(get(API + "/hazard/detector-check?violations=true"));
        assertEquals(detectors.toString(), 3, detectors.size());
    }
}
