package org.chempark.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingSink;
import org.chempark.sdk.telemetry.TelemetrySource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The virtual park simulator in the distribution (issue 4): the feature installs, its Modbus
 * slaves serve the demo park, the bridge configurations it creates make the Modbus bridge poll
 * them, readings reach the ReadingSink, and a leak scenario drives the detectors near it above
 * their alarm level. Without the telemetry module in the distribution the test registers a
 * collecting ReadingSink of its own (the boundary the bridge hands readings to).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SimulatorIT extends ChemParkTestSupport {
    @Inject
    private FeaturesService features;

    private final Map<String, Reading> latest = new ConcurrentHashMap<>();
    private ServiceRegistration<ReadingSink> ownSink;

    @Before
    public void installSimulator() throws Exception {
        if (bundleContext.getServiceReference(ReadingSink.class) == null) {
            ownSink = bundleContext.registerService(ReadingSink.class, new ReadingSink() {
                @Override
                public CompletionStage<IngestReceipt> submit(List<Reading> readings) {
                    readings.forEach(r -> latest.put(r.pointId(), r));
                    return CompletableFuture.completedFuture(new IngestReceipt(readings.size(), 0, 0));
                }

                @Override
                public void rejectPayload(String source, String reason, byte[] payload) {
                }
            }, (Dictionary<String, ?>) new Hashtable<String, Object>());
        }
        if (!features.isInstalled(features.getFeature("chempark-simulator"))) {
            features.installFeature("chempark-simulator");
        }
    }

    @After
    public void unregister() {
        if (ownSink != null) {
            ownSink.unregister();
        }
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = authorized(HttpRequest.newBuilder(uri(API + path))).timeout(Duration.ofSeconds(20));
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private double latestValue(String point) {
        Reading r = latest.get(point);
        return r == null ? Double.NaN : r.value();
    }

    @Test
    public void simulatedGasControllersReachTheBridgeAndALeakRaisesTheDetectors() throws Exception {
        await("simulator devices", Duration.ofSeconds(90), () -> answers(API + "/simulator/devices", j -> j.size() == 28));
        await("Modbus sources ONLINE", Duration.ofSeconds(90), () -> {
            long online = 0;
            for (ServiceReference<TelemetrySource> ref : bundleContext.getServiceReferences(TelemetrySource.class, "(chempark.telemetry.protocol=modbus)")) {
                TelemetrySource s = bundleContext.getService(ref);
                if (s != null && s.status().state() == org.chempark.sdk.telemetry.SourceStatus.State.ONLINE) {
                    online++;
                }
            }
            return online == 28;
        });
        JsonNode devices = json(get(API + "/modbus/devices"));
        JsonNode e01 = null;
        for (JsonNode d : devices) {
            if (d.path("name").asText().equals("sim-E01-gds")) {
                e01 = d;
            }
        }
        assertTrue("sim-E01-gds in " + abbreviate(devices.toString()), e01 != null);
        assertEquals("ONLINE", e01.path("status").path("state").asText());
        assertEquals(1, e01.path("requestsPerPoll").asInt());

        if (ownSink != null) {
            await("readings of the demo park", Duration.ofSeconds(30), () -> latest.size() >= 400);
            assertTrue("E01-GT-1101 normal: " + latestValue("E01-GT-1101"), latestValue("E01-GT-1101") < 25);
        }

        assertProblem(422, send("POST", "/simulator/scenarios", "{\"type\":\"LEAK\",\"pointCode\":\"NOPE-1\",\"durationSeconds\":60}"));
        assertProblem(422, send("POST", "/simulator/scenarios", "{\"type\":\"LEAK\",\"pointCode\":\"E01-GT-1101\",\"durationSeconds\":0}"));
        HttpResponse<String> started = send("POST", "/simulator/scenarios",
                "{\"type\":\"LEAK\",\"pointCode\":\"E01-GT-1101\",\"durationSeconds\":120,\"radiusM\":60}");
        assertEquals(started.body(), 201, started.statusCode());
        String id = json(started).path("id").asText();
        if (ownSink != null) {
            // ramp of 30 s, then HH (60 %LEL) is passed at the source
            await("leak at E01-GT-1101 above HH", Duration.ofSeconds(60), () -> latestValue("E01-GT-1101") > 60);
        }
        JsonNode active = json(get(API + "/simulator/scenarios"));
        assertEquals(1, active.size());
        assertEquals(204, send("DELETE", "/simulator/scenarios/" + id, null).statusCode());
        assertProblem(404, send("DELETE", "/simulator/scenarios/" + id, null));

        assertProblem(422, send("PUT", "/modbus/devices/bad-one", "{\"host\":\"127.0.0.1\",\"registerMap\":[\"A;coil;0;int16\"]}"));
    }
}
