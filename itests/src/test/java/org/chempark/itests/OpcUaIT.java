package org.chempark.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.chempark.sdk.telemetry.LiveValues;
import org.chempark.sdk.telemetry.SourceStatus;
import org.chempark.sdk.telemetry.TelemetrySource;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * R-X.4, R-A.3: the OPC UA client bridge is installed into the running distribution, connects
 * to a Milo server started in the container, hands readings to the telemetry module's ReadingSink
 * (they reach its latest values), answers on
 * {@code /api/v1/opcua/connections}, and is uninstalled again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OpcUaIT extends ChemParkTestSupport {
    static final String FEATURE = "chempark-opcua-client";
    /** No refresh: the probe imports Milo dynamically and would be refreshed (its context invalid) with the Milo bundles. */
    static final java.util.EnumSet<FeaturesService.Option> NO_REFRESH = java.util.EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Inject
    private FeaturesService features;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    @Filter(timeout = 90_000)
    private LiveValues live;

    @Inject
    @Filter(timeout = 90_000)
    private org.chempark.sdk.telemetry.ReadingSink sink;

    /**
     * The first start on a loaded 2-core machine (load average 20-45 while these tests were written) took longer than
     * the support's 90 s before the initial admin password existed: wait for it up to 8 minutes first.
     */
    @Override
    @Before
    public void waitForPlatform() throws Exception {
        java.nio.file.Path initial = java.nio.file.Path.of(System.getProperty("karaf.data"), "security", "initial-admin-password");
        long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
        while (!java.nio.file.Files.exists(initial) && System.nanoTime() < deadline && !platformSeen) {
            Thread.sleep(500);
        }
        super.waitForPlatform();
        platformSeen = true;
    }

    private static volatile boolean platformSeen;

    @Test
    public void clientBridgeInstallsConnectsDeliversAndUninstalls() throws Exception {
        assertNotNull(FEATURE + " is in the distribution", features.getFeature(FEATURE));
        assertFalse(features.isInstalled(features.getFeature(FEATURE)));

        // two gas detectors of the demo park: the DCS serves them under their point codes
        List<String> codes = new java.util.ArrayList<>();
        double value = 0;
        for (JsonNode p : json(get(API + "/telemetry/latest"))) {
            if (codes.size() < 2 && p.path("type").asText().equals("COMBUSTIBLE_GAS") && p.path("hh").isNumber()) {
                codes.add(p.path("pointCode").asText());
                value = Math.round(p.path("hh").asDouble() / 10 * 1000) / 1000.0 + 0.125; // far below the first alarm level
            }
        }
        assertEquals("two gas detectors in the demo park", 2, codes.size());
        final double expected = value;

        features.installFeature("chempark-milo", NO_REFRESH); // stays: the probe wires to Milo dynamically
        features.installFeature(FEATURE, NO_REFRESH);
        try (OpcUaItServer dcs = new OpcUaItServer(codes)) {
            Configuration c = configAdmin.createFactoryConfiguration("org.chempark.bridge.opcua", "?");
            Hashtable<String, Object> p = new Hashtable<>();
            p.put("name", "it-dcs");
            p.put("endpointUrl", dcs.url());
            p.put("autoMapFolder", "ns=2;s=Points");
            p.put("publishingInterval", 200);
            p.put("samplingInterval", 100);
            c.update(p);

            try {
                await("source opcua:it-dcs ONLINE", Duration.ofSeconds(120), () -> {
                    TelemetrySource s = source("opcua:it-dcs");
                    return s != null && s.status().state() == SourceStatus.State.ONLINE;
                });
            } catch (AssertionError e) {
                TelemetrySource s = source("opcua:it-dcs");
                String why = "source " + (s == null ? "not registered" : s.status()) + "\n"
                        + executeCommand("scr:info org.chempark.bridge.opcua.internal.OpcUaConnectionComponent");
                java.nio.file.Files.writeString(new java.io.File(logDir(), "opcua-client-status.txt").toPath(), why);
                org.junit.Assert.fail("not ONLINE: " + why);
            }
            dcs.setAll(expected);
            // through the telemetry module's ReadingSink into its store and latest values
            await("readings of both points in LiveValues", Duration.ofSeconds(30), () -> codes.stream().allMatch(code -> live.latest(code)
                    .filter(r -> r.value() == expected && r.source().equals("opcua:it-dcs")).isPresent()));

            HttpResponse<String> list = get(API + "/opcua/connections");
            assertEquals(list.body(), 200, list.statusCode());
            JsonNode conn = json(list).get(0);
            assertEquals("it-dcs", conn.path("name").asText());
            assertEquals("ONLINE", conn.path("status").path("state").asText());
            assertEquals(2, conn.path("monitoredItems").asInt());

            HttpResponse<String> browse = get(API + "/opcua/connections/it-dcs/browse?node=ns%3D2%3Bs%3DPoints");
            assertEquals(browse.body(), 200, browse.statusCode());
            assertEquals(codes.get(0), json(browse).get(0).path("point").asText());

            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri(API + "/opcua/connections")).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(401, anonymous.statusCode());

            HttpResponse<String> bad = authorizedPost(API + "/opcua/connections", "{\"name\":\"x y\",\"endpointUrl\":\"http://x\"}");
            assertEquals(bad.body(), 422, bad.statusCode());
            c.delete();
        } finally {
            features.uninstallFeature(FEATURE, NO_REFRESH);
        }
        await("no OPC UA source after uninstall", Duration.ofSeconds(30), () -> source("opcua:it-dcs") == null);
        await("REST path gone", Duration.ofSeconds(30), () -> get(API + "/opcua/connections").statusCode() == 404);
    }

    /** R-A.2, R-X.1: the server bridge serves the demo park to a Milo client, with values from the telemetry module. */
    @Test
    public void serverBridgeServesTheParkToAThirdParty() throws Exception {
        features.installFeature("chempark-milo", NO_REFRESH); // stays: the probe wires to Milo dynamically
        features.installFeature("chempark-opcua-server", NO_REFRESH);
        try {
            int port;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Configuration c = configAdmin.getConfiguration("org.chempark.bridge.opcua.server", "?");
            Hashtable<String, Object> p = new Hashtable<>();
            p.put("port", port);
            p.put("bindAddress", "127.0.0.1");
            p.put("hostname", "127.0.0.1");
            p.put("username", "it-reader");
            p.put("passwordHash", pbkdf2("It-Reader-2026!"));
            c.update(p);

            // a reading of a demo point through the ReadingSink, then read over OPC UA
            await("telemetry REST", Duration.ofSeconds(90), () -> answers(API + "/telemetry/status", j -> j.path("points").asInt() > 0));
            JsonNode point = json(get(API + "/telemetry/latest")).get(0);
            String code = point.path("pointCode").asText();
            double v = point.path("hh").isNumber() ? point.path("hh").asDouble() / 10 : 0.5;
            sink.submit(List.of(org.chempark.sdk.telemetry.Reading.good(code, java.time.Instant.now(), v, "itest:opcua-server")))
                    .toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
            String url = "opc.tcp://127.0.0.1:" + port;
            await("OPC UA server answers", Duration.ofSeconds(60), () -> {
                try (OpcUaItClient client = new OpcUaItClient(url, "it-reader", "It-Reader-2026!")) {
                    return v == ((Number) client.read(code)).doubleValue();
                } catch (Exception notYet) {
                    return false;
                }
            });
            try (OpcUaItClient client = new OpcUaItClient(url, "it-reader", "It-Reader-2026!")) {
                List<String> top = client.browse(null);
                assertTrue(top.toString(), top.size() >= 2); // Server and the park
                assertFalse(client.browse("park").isEmpty()); // enterprises
                Object alarm = client.read(code + "/AlarmState");
                assertTrue("AlarmState " + alarm, alarm instanceof String a && (a.equals("NORMAL") || a.contains(" P")));
            }
        } finally {
            features.uninstallFeature("chempark-opcua-server", NO_REFRESH);
        }
    }

    private static String pbkdf2(String password) throws Exception {
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        byte[] hash = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, 10_000, 256)).getEncoded();
        return "pbkdf2-sha256:10000:" + java.util.Base64.getEncoder().encodeToString(salt) + ":"
                + java.util.Base64.getEncoder().encodeToString(hash);
    }

    private TelemetrySource source(String id) throws Exception {
        for (ServiceReference<TelemetrySource> r : bundleContext.getServiceReferences(TelemetrySource.class, "(chempark.telemetry.protocol=opcua)")) {
            TelemetrySource s = bundleContext.getService(r);
            if (s != null && id.equals(s.id())) {
                return s;
            }
        }
        return null;
    }

    private HttpResponse<String> authorizedPost(String path, String body) throws Exception {
        return http.send(authorized(HttpRequest.newBuilder(uri(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
