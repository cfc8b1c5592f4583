package org.chempark.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * R-F6.5 (decision support) and R-F6.2 (emergency resources), issue 7: the upgrade module
 * {@code chempark-emergency} is installed into the running platform (R-A.3, no redeploy), computes a
 * scenario for a demo-park unit with zones as GeoJSON in the park frame, generates a plan that lists the
 * exposed enterprises, refuses a plume at calm wind with a 422 naming the parameter, and scopes the
 * resources registry for an enterprise user.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EmergencyIT extends ChemParkTestSupport {
    static final String FEATURE = "chempark-emergency";
    static final String WEATHER = "{\"windSpeed\":2.0,\"windFromDegrees\":270,\"cloudCoverOktas\":0,\"daytime\":false,\"temperatureC\":20}";

    @Inject
    private FeaturesService features;

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(API + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    public void emergencyModuleInstalledAtRuntimeOnTheDemoPark() throws Exception {
        await("demo park loaded", Duration.ofSeconds(90), () -> answers(API + "/asset/statistics", j -> j.path("totals").path("units").asInt() > 40));
        assertTrue(FEATURE + " is a feature of the distribution", features.getFeature(FEATURE) != null);
        assertFalse(FEATURE + " is an upgrade module, not installed at boot", features.isInstalled(features.getFeature(FEATURE)));
        features.installFeature(FEATURE, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        await("module 'emergency' listed", Duration.ofSeconds(60), () -> moduleIds().contains("emergency"));
        await("demo resources loaded", Duration.ofSeconds(60),
                () -> answers(API + "/emergency/resources/statistics", j -> j.path("total").asInt() > 60));
        String admin = token();

        // --- a scenario for a demo-park unit: chlorine leak at the liquid chlorine tank farm E03-U03
        JsonNode unit = null;
        for (JsonNode u : json(get(API + "/asset/units?size=500&sort=code")).path("items")) {
            if (u.path("code").asText().equals("E03-U03")) {
                unit = u;
            }
        }
        assertTrue("demo unit E03-U03", unit != null);
        long unitId = unit.path("id").asLong();
        long e03 = unit.path("enterpriseId").asLong();
        HttpResponse<String> created = call("POST", "/emergency/scenarios", admin,
                "{\"unitId\":" + unitId + ",\"releaseType\":\"GAS_LEAK\",\"holeDiameterMm\":25,\"pressureKPa\":600,\"weather\":" + WEATHER + "}");
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode s = json(created);
        assertEquals("7782-50-5", s.path("chemical").path("cas").asText());
        JsonNode fc = s.path("zones");
        assertEquals("FeatureCollection", fc.path("type").asText());
        List<String> codes = new ArrayList<>();
        double sourceEast = s.path("source").path("east").asDouble();
        for (JsonNode f : fc.path("features")) {
            if (!f.path("geometry").path("type").asText().equals("Polygon")) {
                continue;
            }
            codes.add(f.path("properties").path("code").asText());
            for (JsonNode p : f.path("geometry").path("coordinates").get(0)) {
                // park frame, metres; a west wind carries the plume east of the source
                assertTrue("zone vertex " + p + " east of the source " + sourceEast, p.get(0).asDouble() >= sourceEast - 1);
                assertTrue(p.get(1).asDouble() > -2000 && p.get(1).asDouble() < 6000);
            }
            assertTrue(f.path("properties").has("threshold") && f.path("properties").has("distanceM") && f.path("properties").has("model")
                    && f.path("properties").has("assumptions"));
        }
        assertTrue("zones " + codes, codes.containsAll(List.of("IDLH", "ERPG-2", "AEGL-2")));
        long id = s.path("id").asLong();
        assertEquals(200, get(API + "/emergency/scenarios/" + id).statusCode());
        assertTrue(json(get(API + "/emergency/scenarios?size=5")).path("total").asLong() >= 1);

        // --- the plan lists the exposed enterprises, resources, assembly points and who to notify
        JsonNode plan = json(get(API + "/emergency/scenarios/" + id + "/plan"));
        List<Long> exposed = new ArrayList<>();
        plan.path("zones").forEach(z -> z.path("enterprises").forEach(e -> exposed.add(e.path("enterpriseId").asLong())));
        assertTrue("exposed enterprises " + exposed + " include E03 (" + e03 + ")", exposed.contains(e03));
        assertTrue(plan.path("summary").path("peopleInsideEstimate").asLong() > 0);
        assertTrue(plan.path("resources").path("TEAM").size() > 0);
        assertEquals(3, plan.path("assemblyPoints").size());
        assertTrue(plan.path("notifications").size() >= 2);
        HttpResponse<String> html = get(API + "/emergency/scenarios/" + id + "/plan.html");
        assertEquals(200, html.statusCode());
        assertTrue(contentType(html), contentType(html).startsWith("text/html"));
        assertTrue(html.body().contains("应急处置方案") && html.body().contains("@media print"));

        // --- invalid inputs: 422 naming the parameter and its valid range
        JsonNode calm = assertProblem(422, call("POST", "/emergency/scenarios", admin, "{\"unitId\":" + unitId
                + ",\"releaseType\":\"GAS_LEAK\",\"weather\":{\"windSpeed\":0}}"));
        assertEquals("weather.windSpeed", calm.path("errors").get(0).path("field").asText());
        assertTrue(calm.toString(), calm.path("errors").get(0).path("message").asText().contains("0.5"));
        JsonNode unknown = assertProblem(422, call("POST", "/emergency/scenarios", admin, "{\"unitId\":" + unitId
                + ",\"releaseType\":\"GAS_LEAK\",\"cas\":\"50-00-9\"}"));
        assertEquals("cas", unknown.path("errors").get(0).path("field").asText());
        JsonNode negative = assertProblem(422, call("POST", "/emergency/scenarios", admin, "{\"unitId\":" + unitId
                + ",\"releaseType\":\"INSTANTANEOUS\",\"massKg\":-1}"));
        assertEquals("massKg", negative.path("errors").get(0).path("field").asText());
        assertProblem(400, call("POST", "/emergency/scenarios", admin, "{\"unitId\":" + unitId + ",\"releaseType\":\"METEOR\"}"));
        assertProblem(404, get(API + "/emergency/scenarios/999999/plan"));

        // --- every emergency operation of the OpenAPI document: 401 anonymous, 403 for a role without permissions
        ObjectNode nothing = JSON.createObjectNode().put("code", "emergency-nothing").put("nameZh", "无权限").put("nameEn", "No permissions");
        nothing.putArray("permissions");
        assertEquals(201, call("POST", "/security/roles", admin, nothing.toString()).statusCode());
        ObjectNode nobodyUser = JSON.createObjectNode().put("username", "em-nobody").put("displayName", "em-nobody")
                .put("organisationId", json(call("GET", "/auth/me", admin, null)).path("organisationId").asLong()).put("password", "Slate-Kettle-2026!");
        nobodyUser.putArray("roles").add("emergency-nothing");
        assertEquals(201, call("POST", "/security/users", admin, nobodyUser.toString()).statusCode());
        String nobody = tokenFor("em-nobody", "Slate-Kettle-2026!");
        List<String> wrong = new ArrayList<>();
        int ops = 0;
        // the OpenAPI document is generated on request by scanning every resource: slow on a loaded CI machine
        HttpResponse<String> openApi = http.send(authorized(HttpRequest.newBuilder(uri(API + "/openapi.json"))).timeout(Duration.ofSeconds(120))
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = json(openApi).path("paths").fields(); it.hasNext();) {
            java.util.Map.Entry<String, JsonNode> p = it.next();
            if (!p.getKey().startsWith("/emergency")) {
                continue;
            }
            for (java.util.Iterator<String> m = p.getValue().fieldNames(); m.hasNext();) {
                String method = m.next().toUpperCase(java.util.Locale.ROOT);
                String path = p.getKey().replaceAll("\\{[^}]+}", "1");
                String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
                ops++;
                int anonymous = call(method, path, null, body).statusCode();
                int denied = call(method, path, nobody, body).statusCode();
                if (anonymous != 401 || denied != 403) {
                    wrong.add(method + " " + path + ": anonymous " + anonymous + ", no permission " + denied);
                }
            }
        }
        assertTrue("the OpenAPI document lists the emergency operations: " + ops, ops >= 12);
        assertTrue("not 401/403: " + wrong, wrong.isEmpty());

        // --- resources scoping for an enterprise user of E03 (a role with emergency:read + emergency:admin)
        ObjectNode role = JSON.createObjectNode().put("code", "emergency-enterprise").put("nameZh", "企业应急管理员").put("nameEn", "Enterprise emergency officer");
        role.putArray("permissions").add("emergency:read").add("emergency:admin");
        HttpResponse<String> rr = call("POST", "/security/roles", admin, role.toString());
        assertEquals(rr.body(), 201, rr.statusCode());
        ObjectNode org = JSON.createObjectNode().put("code", "org-e03-it").put("name", "E03 (EmergencyIT)").put("type", "ENTERPRISE").put("enterpriseId", e03);
        HttpResponse<String> or = call("POST", "/security/organisations", admin, org.toString());
        assertEquals(or.body(), 201, or.statusCode());
        ObjectNode user = JSON.createObjectNode().put("username", "e03-emergency").put("displayName", "e03-emergency")
                .put("organisationId", json(or).path("id").asLong()).put("password", "Amber-Hydrant-2026!");
        user.putArray("roles").add("emergency-enterprise");
        HttpResponse<String> ur = call("POST", "/security/users", admin, user.toString());
        assertEquals(ur.body(), 201, ur.statusCode());
        String e03User = tokenFor("e03-emergency", "Amber-Hydrant-2026!");

        JsonNode mine = json(call("GET", "/emergency/resources?size=500", e03User, null));
        assertTrue("E03 has demo resources: " + abbreviate(mine.toString()), mine.path("total").asInt() > 0);
        mine.path("items").forEach(i -> assertEquals(e03, i.path("enterpriseId").asLong()));
        long parkResource = -1;
        for (JsonNode i : json(call("GET", "/emergency/resources?size=500&category=TEAM", admin, null)).path("items")) {
            if (!i.hasNonNull("enterpriseId")) { // a park resource (nulls are left out of the JSON)
                parkResource = i.path("id").asLong();
            }
        }
        assertTrue(parkResource > 0);
        assertProblem(404, call("GET", "/emergency/resources/" + parkResource, e03User, null));
        assertProblem(404, call("DELETE", "/emergency/resources/" + parkResource, e03User, null));
        String team = "{\"category\":\"TEAM\",\"code\":\"E03-IT-TEAM\",\"name\":\"氯气处置小组\",\"type\":\"HAZMAT\",\"members\":6,\"east\":1300,\"north\":2300";
        assertEquals("enterpriseId", assertProblem(422, call("POST", "/emergency/resources", e03User, team + "}"))
                .path("errors").get(0).path("field").asText());
        HttpResponse<String> own = call("POST", "/emergency/resources", e03User, team + ",\"enterpriseId\":" + e03 + "}");
        assertEquals(own.body(), 201, own.statusCode());
        // the enterprise user computes for its own units only
        assertProblem(403, call("POST", "/emergency/scenarios", e03User, "{\"east\":1000,\"north\":1000,\"cas\":\"7782-50-5\",\"releaseType\":\"GAS_LEAK\"}"));
        assertEquals(201, call("POST", "/emergency/scenarios", e03User, "{\"unitId\":" + unitId + ",\"releaseType\":\"GAS_LEAK\"}").statusCode());
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
}
