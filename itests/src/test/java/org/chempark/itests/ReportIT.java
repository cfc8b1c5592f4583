package org.chempark.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
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
 * Reports and hidden dangers (R-F2.4) and enterprise classification (R-F2.5) over HTTP against the
 * assembled distribution: a report file comes back with the checksum it was stored with, a hidden
 * danger goes through 三录入 including an illegal step, the demo park is classified and tagged on
 * the map, and an enterprise user reaches only its own records.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReportIT extends ChemParkTestSupport {

    private HttpResponse<String> send(String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(API + path)).timeout(Duration.ofSeconds(20));
        b = token == null ? authorized(b) : b.header("Authorization", "Bearer " + token);
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return send(method, path, json, null);
    }

    private long[] twoEnterprises() throws Exception {
        await("asset, report and classification resources", Duration.ofSeconds(120),
                () -> answers(API + "/asset/statistics", j -> j.path("totals").path("enterprises").asInt() > 1)
                        && answers(API + "/report/hidden-dangers/statistics", j -> j.has("total"))
                        && answers(API + "/classification/statistics", j -> j.has("byClass")));
        JsonNode e = json(get(API + "/asset/enterprises?sort=code&size=2")).path("items");
        return new long[] { e.get(0).path("id").asLong(), e.get(1).path("id").asLong() };
    }

    @Test
    public void reportFileComesBackWithTheSameChecksum() throws Exception {
        long enterprise = twoEnterprises()[0];
        HttpResponse<String> created = send("POST", "/report/reports", "{\"enterpriseId\":" + enterprise + ",\"type\":\"SAFETY_ASSESSMENT\","
                + "\"title\":\"安全现状评价报告\",\"agency\":\"江苏安全技术评价有限公司\",\"issuedOn\":\"2025-03-01\",\"validUntil\":\"2028-02-28\"}");
        assertEquals(created.body(), 201, created.statusCode());
        long id = json(created).path("id").asLong();
        byte[] pdf = ("%PDF-1.4\n% 安全现状评价报告 " + "x".repeat(20_000) + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        HttpResponse<String> up = post(API + "/report/reports/" + id + "/files?filename=" + java.net.URLEncoder.encode("评价报告.pdf", StandardCharsets.UTF_8),
                "application/pdf", pdf);
        assertEquals(up.body(), 201, up.statusCode());
        assertEquals(sha, json(up).path("sha256").asText());
        HttpResponse<byte[]> down = http.send(authorized(HttpRequest.newBuilder(uri(API + "/report/files/" + json(up).path("id").asLong()))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, down.statusCode());
        assertEquals(sha, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(down.body())));
        assertEquals(sha, down.headers().firstValue("X-Checksum-SHA256").orElse(""));
        assertTrue(down.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
        // refused: a type outside the allow-list, a renamed file, a body without a name
        assertProblem(415, post(API + "/report/reports/" + id + "/files?filename=a.exe", "application/x-msdownload", new byte[] { 'M', 'Z' }));
        assertProblem(422, post(API + "/report/reports/" + id + "/files?filename=a.pdf", "application/pdf", "MZ".getBytes()));
        assertProblem(422, post(API + "/report/reports/" + id + "/files", "application/pdf", pdf));
        assertEquals(1, json(get(API + "/report/reports/" + id)).path("files").size());
        JsonNode invalid = assertProblem(422, send("POST", "/report/reports", "{\"enterpriseId\":" + enterprise + ",\"type\":\"X\",\"title\":\"\"}"));
        Set<String> fields = new HashSet<>();
        invalid.path("errors").forEach(f -> fields.add(f.path("field").asText()));
        assertTrue(fields.toString(), fields.containsAll(Set.of("type", "title", "agency", "issuedOn")));
        assertEquals(200, get(API + "/report/reports/export").statusCode());
    }

    @Test
    public void hiddenDangerLifecycleOverRestWithAnIllegalStep() throws Exception {
        long enterprise = twoEnterprises()[0];
        HttpResponse<String> insp = send("POST", "/report/inspections", "{\"enterpriseId\":" + enterprise + ",\"title\":\"重大危险源专项督导检查\","
                + "\"inspectedOn\":\"" + LocalDate.now().minusDays(3) + "\",\"inspectors\":\"张工, 李工\"}");
        assertEquals(insp.body(), 201, insp.statusCode());
        HttpResponse<String> rec = send("POST", "/report/inspections/" + json(insp).path("id").asLong() + "/hidden-dangers",
                "{\"grade\":\"MAJOR\",\"description\":\"液氨储罐区有毒气体检测报警器未定期标定\",\"location\":\"液氨罐区\"}");
        assertEquals(rec.body(), 201, rec.statusCode());
        JsonNode h = json(rec);
        long id = h.path("id").asLong();
        assertProblem(409, send("POST", "/report/hidden-dangers/" + id + "/feedback", "{\"feedback\":\"已标定\",\"version\":" + h.path("version").asInt() + "}"));
        h = json(send("POST", "/report/hidden-dangers/" + id + "/rectification", "{\"measures\":\"委托有资质单位标定\",\"responsiblePerson\":\"王工\","
                + "\"deadline\":\"" + LocalDate.now().plusDays(10) + "\",\"version\":" + h.path("version").asInt() + "}"));
        assertEquals("RECTIFYING", h.path("status").asText());
        assertProblem(409, send("POST", "/report/hidden-dangers/" + id + "/rectification", "{\"measures\":\"x\",\"responsiblePerson\":\"y\","
                + "\"deadline\":\"" + LocalDate.now().plusDays(10) + "\",\"version\":0}"));
        HttpResponse<String> ev = post(API + "/report/hidden-dangers/" + id + "/evidence?filename=calibration.pdf", "application/pdf",
                "%PDF-1.4 标定记录".getBytes(StandardCharsets.UTF_8));
        assertEquals(ev.body(), 201, ev.statusCode());
        h = json(get(API + "/report/hidden-dangers/" + id));
        h = json(send("POST", "/report/hidden-dangers/" + id + "/feedback", "{\"feedback\":\"已标定合格\",\"version\":" + h.path("version").asInt() + "}"));
        assertEquals("SUBMITTED", h.path("status").asText());
        h = json(send("POST", "/report/hidden-dangers/" + id + "/verification", "{\"accepted\":true,\"note\":\"复核合格\",\"version\":"
                + h.path("version").asInt() + "}"));
        assertEquals("CLOSED", h.path("status").asText());
        assertEquals(5, json(get(API + "/report/hidden-dangers/" + id + "/history")).size());
        // search in Chinese, exact and fuzzy
        String q = java.net.URLEncoder.encode("有毒气体报警器标定", StandardCharsets.UTF_8);
        JsonNode fuzzy = json(get(API + "/report/hidden-dangers?match=fuzzy&q=" + q)).path("items");
        assertTrue(fuzzy.toString(), fuzzy.size() >= 1 && fuzzy.get(0).path("id").asLong() == id);
        assertEquals(0, json(get(API + "/report/hidden-dangers?match=exact&q=" + q)).path("total").asInt());
        assertProblem(400, get(API + "/report/hidden-dangers?from=yesterday"));
    }

    @Test
    public void demoParkIsClassifiedAndTaggedOnTheMap() throws Exception {
        twoEnterprises();
        JsonNode all = json(send("POST", "/classification/recompute", null));
        assertTrue(all.toString(), all.size() >= 10);
        all.forEach(c -> assertTrue(c.toString(), Set.of("SPECIAL_CONTROL", "KEY_ATTENTION", "GENERAL").contains(c.path("clazz").asText())));
        JsonNode map = json(get(API + "/classification/map"));
        assertEquals("FeatureCollection", map.path("type").asText());
        assertEquals(all.size(), map.path("features").size());
        JsonNode table = json(get(API + "/classification/diagnosis/table"));
        assertTrue(table.path("items").size() > 0 && table.path("directRed").size() == 4);
        assertEquals(200, get(API + "/classification/export").statusCode());
    }

    @Test
    public void enterpriseUsersReachOnlyTheirOwn() throws Exception {
        long[] e = twoEnterprises();
        long own = e[1];
        long other = e[0];
        HttpResponse<String> otherReport = send("POST", "/report/reports", "{\"enterpriseId\":" + other + ",\"type\":\"SIL\",\"title\":\"SIL 验证报告\","
                + "\"agency\":\"某评估机构\",\"issuedOn\":\"2025-01-01\"}");
        assertEquals(otherReport.body(), 201, otherReport.statusCode());
        ObjectNode org = JSON.createObjectNode().put("code", "org-report-it").put("name", "report-it").put("type", "ENTERPRISE").put("enterpriseId", own);
        HttpResponse<String> or = send("POST", "/security/organisations", org.toString());
        assertEquals(or.body(), 201, or.statusCode());
        ObjectNode u = JSON.createObjectNode().put("username", "report-safety").put("displayName", "report-safety")
                .put("organisationId", json(or).path("id").asLong()).put("password", "Copper-Valve-2026!");
        u.putArray("roles").add("enterprise-safety");
        HttpResponse<String> ur = send("POST", "/security/users", u.toString());
        assertEquals(ur.body(), 201, ur.statusCode());
        String safety = login("report-safety", "Copper-Valve-2026!");

        assertProblem(404, send("GET", "/report/reports/" + json(otherReport).path("id").asLong(), null, safety));
        json(send("GET", "/report/reports?size=500", null, safety)).path("items").forEach(r -> assertEquals(own, r.path("enterpriseId").asLong()));
        // files its own commitment, not another's
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String body = "{\"enterpriseId\":%d,\"day\":\"" + today + "\",\"operatingState\":\"PRODUCTION\",\"unitsRunning\":3,\"unitsStopped\":0,"
                + "\"majorHazardSources\":1,\"hazardSourcesControlled\":true,\"specialWork\":{\"hot-work\":1},\"principal\":\"王总\",\"signed\":true,"
                + "\"statement\":\"今天我公司已进行安全风险研判，各项安全风险防控措施已落实到位。\"}";
        HttpResponse<String> filed = send("POST", "/classification/commitments", String.format(body, own), safety);
        assertEquals(filed.body(), 201, filed.statusCode());
        assertProblem(409, send("POST", "/classification/commitments", String.format(body, own), safety));
        assertProblem(404, send("POST", "/classification/commitments", String.format(body, other), safety));
        JsonNode mine = json(send("GET", "/classification/enterprises", null, safety));
        assertEquals(1, mine.size());
        assertEquals(own, mine.get(0).path("enterpriseId").asLong());
        assertProblem(404, send("GET", "/classification/enterprises/" + other, null, safety));
        assertProblem(403, send("POST", "/classification/recompute", null, safety));
    }

    private String login(String username, String password) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(API + "/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("username", username).put("password", password).toString()))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode login = json(r);
        String token = login.path("accessToken").asText(null);
        assertTrue("login of " + username + ": " + r.body(), token != null);
        if (login.path("mustChangePassword").asBoolean()) {
            String next = password + "-New9!";
            HttpResponse<String> p = send("POST", "/auth/password", JSON.createObjectNode().put("currentPassword", password).put("newPassword", next)
                    .toString(), token);
            assertTrue(p.body(), p.statusCode() / 100 == 2);
            return login(username, next);
        }
        return token;
    }
}
