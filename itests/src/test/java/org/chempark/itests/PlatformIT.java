package org.chempark.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

import javax.inject.Inject;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * The core platform as a park installs it: the assembled distribution with its boot features
 * (chempark-core, chempark-jpa), a real embedded PostgreSQL, the REST API, the shell.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT extends ChemParkTestSupport {

    @Inject
    @Filter(value = "(osgi.jndi.service.name=chempark)", timeout = 90_000)
    private DataSource dataSource;

    /** R-A.1: the platform reports its own health, database and routing engine included. */
    @Test
    public void healthIsUpWithDatabaseAndCamel() throws Exception {
        HttpResponse<String> r = get(API + "/health");
        assertEquals("GET /health: " + r.body(), 200, r.statusCode());
        assertTrue("Content-Type of /health: " + contentType(r), contentType(r).startsWith("application/json"));
        JsonNode health = json(r);
        assertEquals("overall status in " + health, "UP", health.path("status").asText());
        for (String component : Arrays.asList("core.database", "core.camel")) {
            assertEquals(component + " in " + health.path("components"), "UP",
                    health.path("components").path(component).path("status").asText());
        }
    }

    /** R-A.1: every function is a module; the core itself is listed with the requirements it covers. */
    @Test
    public void modulesListsCoreWithRequirementIds() throws Exception {
        HttpResponse<String> r = get(API + "/modules");
        assertEquals("GET /modules: " + r.body(), 200, r.statusCode());
        JsonNode core = null;
        for (JsonNode m : json(r)) {
            if ("core".equals(m.path("id").asText())) {
                core = m;
            }
        }
        assertTrue("module 'core' not listed in " + r.body(), core != null);
        assertTrue("module 'core' has no requirementIds: " + core,
                core.path("requirementIds").isArray() && core.path("requirementIds").size() > 0);
        for (JsonNode id : core.path("requirementIds")) {
            assertTrue("requirement id '" + id.asText() + "' does not look like R-…", id.asText().startsWith("R-"));
        }
        // the single-module resource agrees with the list
        HttpResponse<String> one = get(API + "/modules/core");
        assertEquals("GET /modules/core: " + one.body(), 200, one.statusCode());
        assertEquals("core", json(one).path("id").asText());
    }

    /** Unknown paths answer an RFC 7807 problem, not Jetty's or CXF's HTML/empty 404. */
    @Test
    public void unknownPathIsProblemJson404() throws Exception {
        JsonNode problem = assertProblem(404, get(API + "/no-such-thing"));
        assertTrue("problem has a title: " + problem, problem.hasNonNull("title"));
        assertProblem(404, get(API + "/modules/no-such-module"));
    }

    /** Bodies over 1 MiB are refused with 413 before they are read. */
    @Test
    public void oversizedBodyIs413ProblemJson() throws Exception {
        byte[] body = new byte[(1 << 20) + 1024];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        assertProblem(413, post(API + "/modules", "application/json", body));
    }

    /** The API documents itself: OpenAPI 3 listing the core resources. */
    @Test
    public void openApiListsCoreResources() throws Exception {
        HttpResponse<String> r = get(API + "/openapi.json");
        assertEquals("GET /openapi.json: " + abbreviate(r.body()), 200, r.statusCode());
        JsonNode doc = json(r);
        assertTrue("no 'openapi' version in the document", doc.path("openapi").asText().startsWith("3."));
        JsonNode paths = doc.path("paths");
        assertTrue("no paths in the OpenAPI document", paths.isObject() && paths.size() > 0);
        for (String p : Arrays.asList("/health", "/modules")) {
            assertTrue("OpenAPI paths " + fieldNames(paths) + " lack " + p, paths.has(p) || paths.has(API + p));
        }
    }

    /** The operator's console: chempark:modules and chempark:health. */
    @Test
    public void shellCommandsRun() throws Exception {
        String modules = executeCommand("chempark:modules");
        assertTrue("chempark:modules printed no 'core':\n" + modules, modules.matches("(?s).*\\bcore\\b.*"));
        String health = executeCommand("chempark:health");
        assertTrue("chempark:health printed no 'core' component:\n" + health, health.contains("core.database"));
        assertTrue("chempark:health printed no overall UP:\n" + health, health.contains("UP"));
    }

    /** The platform DataSource is a real PostgreSQL. */
    @Test
    public void dataSourceAnswersSelect1() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue("SELECT 1 returned no row", rs.next());
            assertEquals(1, rs.getInt(1));
            assertTrue("not PostgreSQL: " + c.getMetaData().getDatabaseProductName(),
                    c.getMetaData().getDatabaseProductName().contains("PostgreSQL"));
        }
    }

    private static String fieldNames(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        node.fieldNames().forEachRemaining(n -> sb.append(sb.length() == 0 ? "" : ", ").append(n));
        return "[" + sb + "]";
    }
}
