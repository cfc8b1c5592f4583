package org.chempark.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingSink;
import org.chempark.sdk.telemetry.SourceStatus;
import org.chempark.sdk.telemetry.TelemetrySource;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * R-X.4, R-A.3: the OPC UA client bridge is installed into the running distribution, connects
 * to a Milo server started in the container, hands readings to the ReadingSink, answers on
 * {@code /api/v1/opcua/connections}, and is uninstalled again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OpcUaIT extends ChemParkTestSupport {
    static final String FEATURE = "chempark-opcua-client";

    @Inject
    private FeaturesService features;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Test
    public void clientBridgeInstallsConnectsDeliversAndUninstalls() throws Exception {
        assertNotNull(FEATURE + " is in the distribution", features.getFeature(FEATURE));
        assertFalse(features.isInstalled(features.getFeature(FEATURE)));

        // the ingest pipeline's entry as the bridge sees it (the telemetry module provides the real one)
        List<Reading> received = new CopyOnWriteArrayList<>();
        Dictionary<String, Object> ranking = new Hashtable<>();
        ranking.put(Constants.SERVICE_RANKING, 1000);
        ServiceRegistration<ReadingSink> sink = bundleContext.registerService(ReadingSink.class, new ReadingSink() {
            @Override
            public CompletionStage<IngestReceipt> submit(List<Reading> readings) {
                received.addAll(readings);
                return CompletableFuture.completedFuture(new IngestReceipt(readings.size(), 0, 0));
            }

            @Override
            public void rejectPayload(String source, String reason, byte[] payload) {
            }
        }, ranking);

        features.installFeature(FEATURE);
        try (OpcUaItServer dcs = new OpcUaItServer(List.of("IT-LT-01", "IT-TT-01"))) {
            Configuration c = configAdmin.createFactoryConfiguration("org.chempark.bridge.opcua", "?");
            Hashtable<String, Object> p = new Hashtable<>();
            p.put("name", "it-dcs");
            p.put("endpointUrl", dcs.url());
            p.put("autoMapFolder", "ns=2;s=Points");
            p.put("publishingInterval", 200);
            p.put("samplingInterval", 100);
            c.update(p);

            await("source opcua:it-dcs ONLINE", Duration.ofSeconds(60), () -> {
                TelemetrySource s = source("opcua:it-dcs");
                return s != null && s.status().state() == SourceStatus.State.ONLINE;
            });
            dcs.setAll(21.5);
            await("readings of both points", Duration.ofSeconds(30), () -> received.stream().filter(r -> r.value() == 21.5)
                    .map(Reading::pointId).distinct().count() == 2);
            assertTrue(received.stream().allMatch(r -> r.source().equals("opcua:it-dcs")));

            HttpResponse<String> list = get(API + "/opcua/connections");
            assertEquals(list.body(), 200, list.statusCode());
            JsonNode conn = json(list).get(0);
            assertEquals("it-dcs", conn.path("name").asText());
            assertEquals("ONLINE", conn.path("status").path("state").asText());
            assertEquals(2, conn.path("monitoredItems").asInt());

            HttpResponse<String> browse = get(API + "/opcua/connections/it-dcs/browse?node=ns%3D2%3Bs%3DPoints");
            assertEquals(browse.body(), 200, browse.statusCode());
            assertEquals("IT-LT-01", json(browse).get(0).path("point").asText());

            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri(API + "/opcua/connections")).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(401, anonymous.statusCode());

            HttpResponse<String> bad = authorizedPost(API + "/opcua/connections", "{\"name\":\"x y\",\"endpointUrl\":\"http://x\"}");
            assertEquals(bad.body(), 422, bad.statusCode());
            c.delete();
        } finally {
            features.uninstallFeature(FEATURE);
            sink.unregister();
        }
        await("no OPC UA source after uninstall", Duration.ofSeconds(30), () -> source("opcua:it-dcs") == null);
        await("REST path gone", Duration.ofSeconds(30), () -> get(API + "/opcua/connections").statusCode() == 404);
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
