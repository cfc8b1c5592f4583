package org.chempark.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The access matrix over EVERY operation in the OpenAPI document — so a module installed
 * later is checked without touching this test (R-S, R-I.8): anonymous → 401; a user whose role
 * grants nothing → 403 (deny by default); an enterprise user → 404 for another enterprise's
 * record and 200 for its own.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityMatrixIT extends ChemParkTestSupport {
    /** Operations anyone may call. */
    static final Set<String> PUBLIC = Set.of("GET /health", "GET /openapi.json", "GET /docs", "POST /auth/login", "POST /auth/refresh");
    /** Operations any logged-in user may call, whatever the role. */
    static final Set<String> ANY_USER = Set.of("GET /modules", "GET /modules/{id}", "GET /auth/me", "POST /auth/logout",
            "POST /auth/password", "GET /notify/inbox", "POST /notify/inbox/{id}/read");

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(API + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Logs a user in, doing the forced first password change when asked. */
    private String tokenFor(String username, String password) throws Exception {
        JsonNode login = json(call("POST", "/auth/login", null,
                JSON.createObjectNode().put("username", username).put("password", password).toString()));
        String token = login.path("accessToken").asText(null);
        assertTrue("login of " + username + ": " + login, token != null);
        if (login.path("mustChangePassword").asBoolean()) {
            String next = password + "-New9!";
            HttpResponse<String> r = call("POST", "/auth/password", token,
                    JSON.createObjectNode().put("currentPassword", password).put("newPassword", next).toString());
            assertTrue("password change of " + username + ": " + r.body(), r.statusCode() / 100 == 2);
            token = json(call("POST", "/auth/login", null,
                    JSON.createObjectNode().put("username", username).put("password", next).toString())).path("accessToken").asText();
        }
        return token;
    }

    private long createUser(String username, String password, long organisationId, String role) throws Exception {
        ObjectNode u = JSON.createObjectNode().put("username", username).put("displayName", username).put("organisationId", organisationId)
                .put("password", password);
        u.putArray("roles").add(role);
        HttpResponse<String> r = call("POST", "/security/users", token(), u.toString());
        assertEquals(r.body(), 201, r.statusCode());
        return json(r).path("user").path("id").asLong();
    }

    /** Every operation of the OpenAPI document as "METHOD /path". */
    private List<String> operations() throws Exception {
        JsonNode paths = json(get(API + "/openapi.json")).path("paths");
        List<String> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            p.getValue().fieldNames().forEachRemaining(m -> ops.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey()));
        }
        return ops;
    }

    private static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", "1");
    }

    @Test
    public void everyOperationIsClosedToAnonymousAndToARoleWithoutPermissions() throws Exception {
        await("modules with resources", Duration.ofSeconds(90),
                () -> answers(API + "/asset/statistics", j -> j.path("totals").path("enterprises").asInt() > 0)
                        && answers(API + "/hazard/statistics", j -> j.path("units").asInt() > 0));
        List<String> ops = operations();
        assertTrue("the OpenAPI document lists the modules' operations: " + ops, ops.size() > 40);

        ObjectNode role = JSON.createObjectNode().put("code", "matrix-nothing").put("nameZh", "无权限").put("nameEn", "No permissions");
        role.putArray("permissions");
        HttpResponse<String> rr = call("POST", "/security/roles", token(), role.toString());
        assertEquals(rr.body(), 201, rr.statusCode());
        long parkOrg = json(call("GET", "/auth/me", token(), null)).path("organisationId").asLong();
        createUser("matrix-nobody", "Quartz-Ledger-2026!", parkOrg, "matrix-nothing");
        String nobody = tokenFor("matrix-nobody", "Quartz-Ledger-2026!");

        Map<String, String> wrong = new LinkedHashMap<>();
        for (String op : ops) {
            String method = op.substring(0, op.indexOf(' '));
            String path = op.substring(op.indexOf(' ') + 1);
            if (PUBLIC.contains(op)) {
                continue;
            }
            int anonymous = call(method, concrete(path), null, method.equals("GET") || method.equals("DELETE") ? null : "{}").statusCode();
            if (anonymous != 401) {
                wrong.put(op + " anonymous", String.valueOf(anonymous));
            }
            if (ANY_USER.contains(op)) {
                continue;
            }
            int noRole = call(method, concrete(path), nobody, method.equals("GET") || method.equals("DELETE") ? null : "{}").statusCode();
            if (noRole != 403) {
                wrong.put(op + " without permission", String.valueOf(noRole));
            }
        }
        assertTrue("operations that did not answer 401 (anonymous) / 403 (no permission): " + wrong, wrong.isEmpty());
    }

    @Test
    public void enterpriseUsersReachOnlyTheirOwnRecords() throws Exception {
        await("asset", Duration.ofSeconds(90), () -> answers(API + "/asset/statistics", j -> j.path("totals").path("enterprises").asInt() > 1)
                && answers(API + "/hazard/statistics", j -> j.path("units").asInt() > 0));
        JsonNode enterprises = json(get(API + "/asset/enterprises?sort=code&size=2")).path("items");
        long own = enterprises.get(1).path("id").asLong();
        long other = enterprises.get(0).path("id").asLong();
        ObjectNode org = JSON.createObjectNode().put("code", "org-matrix").put("name", enterprises.get(1).path("name").asText())
                .put("type", "ENTERPRISE").put("enterpriseId", own);
        HttpResponse<String> or = call("POST", "/security/organisations", token(), org.toString());
        assertEquals(or.body(), 201, or.statusCode());
        createUser("matrix-safety", "Copper-Valve-2026!", json(or).path("id").asLong(), "enterprise-safety");
        String safety = tokenFor("matrix-safety", "Copper-Valve-2026!");

        Map<String, long[]> records = new LinkedHashMap<>(); // path template → {own id, other id}
        records.put("/asset/enterprises/{id}", new long[] { own, other });
        long ownUnit = json(get(API + "/asset/units?enterpriseId=" + own)).path("items").get(0).path("id").asLong();
        long otherUnit = json(get(API + "/asset/units?enterpriseId=" + other)).path("items").get(0).path("id").asLong();
        records.put("/asset/units/{id}", new long[] { ownUnit, otherUnit });
        records.put("/hazard/units/{unitId}", new long[] { ownUnit, otherUnit });
        records.put("/hazard/units/{unitId}/history", new long[] { ownUnit, otherUnit });
        long ownEq = json(get(API + "/asset/equipment?unitId=" + ownUnit)).path("items").get(0).path("id").asLong();
        long otherEq = json(get(API + "/asset/equipment?unitId=" + otherUnit)).path("items").get(0).path("id").asLong();
        records.put("/asset/equipment/{id}", new long[] { ownEq, otherEq });
        long ownPoint = json(get(API + "/asset/points?enterpriseId=" + own)).path("items").get(0).path("id").asLong();
        long otherPoint = json(get(API + "/asset/points?enterpriseId=" + other)).path("items").get(0).path("id").asLong();
        records.put("/asset/points/{id}", new long[] { ownPoint, otherPoint });

        for (Map.Entry<String, long[]> e : records.entrySet()) {
            String ownPath = e.getKey().replaceAll("\\{[^}]+}", String.valueOf(e.getValue()[0]));
            String otherPath = e.getKey().replaceAll("\\{[^}]+}", String.valueOf(e.getValue()[1]));
            HttpResponse<String> mine = call("GET", ownPath, safety, null);
            assertEquals(ownPath + " " + mine.body(), 200, mine.statusCode());
            assertProblem(404, call("GET", otherPath, safety, null));
        }
        // lists hold only the own enterprise's records
        JsonNode units = json(call("GET", "/asset/units?size=500", safety, null)).path("items");
        assertTrue(units.size() > 0);
        units.forEach(u -> assertEquals(own, u.path("enterpriseId").asLong()));
        json(call("GET", "/hazard/sources?all=true", safety, null)).forEach(a -> assertEquals(own, a.path("enterpriseId").asLong()));
        // park-level data is read-only for enterprise users
        assertProblem(403, call("POST", "/asset/chemicals", safety,
                "{\"cas\":\"7732-18-5\",\"nameZh\":\"水\",\"hazardCategory\":\"W4\",\"criticalQuantityT\":1}"));
    }
}
