package org.chempark.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingSink;

/**
 * The risk model and warning handling (R-F2.3) in the assembled distribution: readings above HH,
 * handed to the telemetry module's ReadingSink, change the colour of their hazard source within 1 s; the warning it raises goes through
 * 核查 → 反馈 → 督办 → 关闭 over REST, illegal and concurrent steps get 409; enterprise users see
 * only their own warnings; the notice reaches the in-app inbox. Also 包保 tasks and monitoring.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RiskIT extends ChemParkTestSupport {

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(API + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + (token == null ? token() : token));
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Two points of the hazard source with an HH limit: their codes and the values that raise HH and that clear. */
    private List<Object[]> alarmPoints(long unitId) throws Exception {
        List<Object[]> out = new ArrayList<>();
        for (JsonNode p : json(get(API + "/hazard/units/" + unitId + "/monitoring")).path("points")) {
            if (p.path("hh").isNumber() && (p.path("h").isNumber() || p.path("hh").isNumber()) && out.size() < 2) {
                double hh = p.path("hh").asDouble();
                double top = p.path("rangeHigh").isNumber() ? p.path("rangeHigh").asDouble() : hh * 1.2 + 1;
                double high = p.path("h").isNumber() ? p.path("h").asDouble() : hh;
                double low = p.path("l").isNumber() ? p.path("l").asDouble() : p.path("ll").isNumber() ? p.path("ll").asDouble()
                        : p.path("rangeLow").isNumber() ? p.path("rangeLow").asDouble() : 0;
                out.add(new Object[] { p.path("code").asText(), (hh + top) / 2, (low + high) / 2 });
            }
        }
        assertEquals("points with an HH limit on unit " + unitId, 2, out.size());
        return out;
    }

    /** Hands readings to the telemetry module's ReadingSink (the ingest pipeline every bridge uses). */
    private void submit(List<Object[]> points, int valueIndex) throws Exception {
        ReadingSink sink = bundleContext.getService(bundleContext.getServiceReference(ReadingSink.class));
        List<Reading> readings = new ArrayList<>();
        for (Object[] p : points) {
            readings.add(Reading.good((String) p[0], java.time.Instant.now(), (Double) p[valueIndex], "itest:risk"));
        }
        ReadingSink.IngestReceipt r = sink.submit(readings).toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals("accepted " + r, points.size(), r.accepted());
    }

    private String unitColour(long unitId) throws Exception {
        HttpResponse<String> r = get(API + "/risk/scores/units/" + unitId);
        return r.statusCode() == 200 ? json(r).path("colour").asText() : "NONE";
    }

    @Test
    public void alarmChangesColourWithinOneSecondAndItsWarningIsHandledStepByStep() throws Exception {
        await("risk scores of the demo park", Duration.ofSeconds(120),
                () -> answers(API + "/risk/scores?of=unit", j -> j.size() > 0));
        // a 一级 major hazard source: grade alone scores 30 (黄); two active alarms add 40 → 红
        JsonNode source = null;
        for (JsonNode s : json(get(API + "/hazard/sources"))) {
            if (s.path("grade").asInt() == 1) {
                source = s;
                break;
            }
        }
        assertTrue("the demo park has a 一级 major hazard source", source != null);
        long unitId = source.path("unitId").asLong();
        long enterpriseId = source.path("enterpriseId").asLong();
        await("the source's score", Duration.ofSeconds(30), () -> unitColour(unitId).equals("YELLOW"));
        JsonNode explained = json(get(API + "/risk/scores/enterprises/" + enterpriseId + "/explain"));
        assertTrue(explained.toString(), explained.path("contributions").size() > 0);

        List<Object[]> points = alarmPoints(unitId);
        long t0 = System.nanoTime();
        submit(points, 1); // both above HH
        String colour = unitColour(unitId);
        while (!colour.equals("RED") && System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos()) {
            Thread.sleep(10);
            colour = unitColour(unitId);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("colour after two alarms", "RED", colour);
        assertTrue("colour visible after " + ms + " ms (R-F2.3: within 1 s)", ms < 1000);
        JsonNode unitScore = json(get(API + "/risk/scores/units/" + unitId));
        List<String> factors = new ArrayList<>();
        unitScore.path("contributions").forEach(c -> factors.add(c.path("factor").asText()));
        assertTrue(factors.toString(), factors.contains("hazard.grade") && factors.contains("telemetry.active-alarms"));
        JsonNode history = json(get(API + "/risk/history?unitId=" + unitId));
        assertEquals("RED", history.get(0).path("colour").asText());

        // the colour change (risk model) and the HH alarm (alarm rule) each raised a warning
        await("warnings", Duration.ofSeconds(10), () -> answers(API + "/risk/warnings?open=true&enterpriseId=" + enterpriseId,
                j -> j.path("items").size() >= 2));
        JsonNode warnings = json(get(API + "/risk/warnings?open=true&enterpriseId=" + enterpriseId)).path("items");
        JsonNode warning = null;
        boolean alarmRule = false;
        for (JsonNode w : warnings) {
            if (w.path("source").asText().equals("RISK_MODEL") && w.path("unitId").asLong() == unitId) {
                warning = w;
            }
            alarmRule |= w.path("source").asText().equals("ALARM_RULE");
        }
        assertTrue("risk-model warning in " + warnings, warning != null);
        assertTrue("alarm-rule warning in " + warnings, alarmRule);
        assertEquals("RED", warning.path("level").asText());
        long id = warning.path("id").asLong();
        String base = "/risk/warnings/" + id;

        // feedback before verify: 409, state unchanged
        int v0 = warning.path("version").asInt();
        JsonNode p = assertProblem(409, send("POST", base + "/actions", null, "{\"action\":\"FEEDBACK\",\"version\":" + v0 + ",\"remark\":\"x\"}"));
        assertTrue(p.toString(), p.toString().contains("VERIFY"));
        assertEquals("SENT", json(get(API + base)).path("state").asText());
        JsonNode verified = json(send("POST", base + "/actions", null, "{\"action\":\"VERIFY\",\"version\":" + v0 + ",\"remark\":\"现场核查属实\"}"));
        assertEquals("VERIFIED", verified.path("state").asText());

        // two people give feedback at once: one 200, one 409
        int v1 = verified.path("version").asInt();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int n = i;
            Callable<Integer> c = () -> {
                go.await();
                return send("POST", base + "/actions", null, "{\"action\":\"FEEDBACK\",\"version\":" + v1 + ",\"remark\":\"已处置 " + n + "\"}")
                        .statusCode();
            };
            results.add(pool.submit(c));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertTrue(statuses.toString(), statuses.contains(200) && statuses.contains(409));
        JsonNode fed = json(get(API + base));
        assertEquals("FEEDBACK", fed.path("state").asText());
        JsonNode supervised = json(send("POST", base + "/actions", null, "{\"action\":\"SUPERVISE\",\"version\":" + fed.path("version").asInt()
                + ",\"remark\":\"督办: 今日内完成复核\"}"));
        assertEquals("SUPERVISED", supervised.path("state").asText());
        JsonNode closed = json(send("POST", base + "/actions", null, "{\"action\":\"CLOSE\",\"version\":" + supervised.path("version").asInt() + "}"));
        assertEquals("CLOSED", closed.path("state").asText());
        assertProblem(409, send("POST", base + "/actions", null, "{\"action\":\"CLOSE\",\"version\":" + closed.path("version").asInt() + "}"));
        List<String> steps = new ArrayList<>();
        closed.path("steps").forEach(s -> steps.add(s.path("action").asText()));
        assertEquals(List.of("SEND", "VERIFY", "FEEDBACK", "SUPERVISE", "CLOSE"), steps);
        assertEquals("admin", closed.path("steps").get(1).path("actorName").asText());

        // the RED notice reached the park administrators' in-app inbox
        await("in-app notice", Duration.ofSeconds(10), () -> {
            for (JsonNode m : json(get(API + "/notify/inbox?size=100")).path("items")) {
                if (m.path("reference").asText().equals("risk/warning/" + id)) {
                    return true;
                }
            }
            return false;
        });

        // alarms cleared: the colour goes back
        submit(points, 2); // back to normal
        await("colour back to YELLOW", Duration.ofSeconds(5), () -> unitColour(unitId).equals("YELLOW"));

        // enterprise users: only their own enterprise's warnings, and no acting on others'
        JsonNode enterprises = json(get(API + "/asset/enterprises?sort=code&size=50")).path("items");
        long otherId = -1;
        for (JsonNode e : enterprises) {
            if (e.path("id").asLong() != enterpriseId) {
                otherId = e.path("id").asLong();
                break;
            }
        }
        final long other = otherId;
        assertNotEquals(-1, other);
        ObjectNode org = JSON.createObjectNode().put("code", "org-risk-it").put("name", "风险测试企业").put("type", "ENTERPRISE").put("enterpriseId", other);
        HttpResponse<String> or = send("POST", "/security/organisations", null, org.toString());
        assertEquals(or.body(), 201, or.statusCode());
        ObjectNode u = JSON.createObjectNode().put("username", "risk-safety").put("displayName", "risk-safety")
                .put("organisationId", json(or).path("id").asLong()).put("password", "Amber-Gauge-2026!");
        u.putArray("roles").add("enterprise-safety");
        HttpResponse<String> ur = send("POST", "/security/users", null, u.toString());
        assertEquals(ur.body(), 201, ur.statusCode());
        String safety = loginAs("risk-safety", "Amber-Gauge-2026!");
        assertProblem(404, send("GET", base, safety, null));
        assertProblem(404, send("GET", "/risk/scores/units/" + unitId, safety, null));
        json(send("GET", "/risk/warnings?size=100", safety, null)).path("items")
                .forEach(w -> assertEquals(other, w.path("enterpriseId").asLong()));
        json(send("GET", "/risk/scores?of=unit", safety, null)).forEach(s -> assertEquals(other, s.path("enterpriseId").asLong()));
    }

    private String loginAs(String username, String password) throws Exception {
        JsonNode login = json(http.send(HttpRequest.newBuilder(uri(API + "/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("username", username).put("password", password).toString()))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        String token = login.path("accessToken").asText();
        if (login.path("mustChangePassword").asBoolean()) {
            String next = password + "-New9!";
            HttpResponse<String> r = send("POST", "/auth/password", token,
                    JSON.createObjectNode().put("currentPassword", password).put("newPassword", next).toString());
            assertTrue(r.body(), r.statusCode() / 100 == 2);
            token = json(http.send(HttpRequest.newBuilder(uri(API + "/auth/login")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("username", username).put("password", next).toString()))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))).path("accessToken").asText();
        }
        return token;
    }

    @Test
    public void responsibilityTasksAndMonitoringOfAHazardSource() throws Exception {
        await("hazard sources", Duration.ofSeconds(120), () -> answers(API + "/hazard/sources", j -> j.size() > 0));
        JsonNode source = json(get(API + "/hazard/sources")).get(0);
        long unitId = source.path("unitId").asLong();
        HttpResponse<String> created = send("POST", "/responsibility/persons", null,
                "{\"unitId\":" + unitId + ",\"role\":\"TECHNICAL\",\"name\":\"李娜\",\"position\":\"技术总监\",\"mobile\":\"13912345678\"}");
        assertEquals(created.body(), 201, created.statusCode());
        assertProblem(409, send("POST", "/responsibility/persons", null,
                "{\"unitId\":" + unitId + ",\"role\":\"TECHNICAL\",\"name\":\"王五\",\"position\":\"x\",\"mobile\":\"13912345679\"}"));
        assertProblem(422, send("POST", "/responsibility/persons", null, "{\"unitId\":" + unitId + ",\"role\":\"PRINCIPAL\",\"name\":\"\",\"mobile\":\"12\"}"));
        JsonNode tasks = json(get(API + "/responsibility/tasks?unitId=" + unitId)).path("items");
        assertTrue(tasks.toString(), tasks.size() >= 1);
        JsonNode task = tasks.get(0);
        ObjectNode record = JSON.createObjectNode().put("summary", "月度检查");
        task.path("items").forEach(i -> record.withArray("items").addObject().put("item", i.asText()).put("result", "OK"));
        HttpResponse<String> rec = send("POST", "/responsibility/tasks/" + task.path("id").asLong() + "/record", null, record.toString());
        assertEquals(rec.body(), 201, rec.statusCode());
        assertProblem(409, send("POST", "/responsibility/tasks/" + task.path("id").asLong() + "/record", null, record.toString()));
        JsonNode stats = json(get(API + "/responsibility/statistics?by=person"));
        assertTrue(stats.toString(), stats.size() >= 1);
        HttpResponse<String> xlsx = get(API + "/responsibility/export.xlsx");
        assertEquals(200, xlsx.statusCode());
        JsonNode monitoring = json(get(API + "/hazard/units/" + unitId + "/monitoring"));
        assertTrue(monitoring.toString(), monitoring.path("points").size() > 0);
        HttpResponse<String> spot = send("POST", "/hazard/units/" + unitId + "/spot-checks", null, "{\"result\":\"NORMAL\",\"remark\":\"在线抽查正常\"}");
        assertEquals(spot.body(), 201, spot.statusCode());
        assertEquals("admin", json(spot).path("checkedBy").asText());
    }
}
