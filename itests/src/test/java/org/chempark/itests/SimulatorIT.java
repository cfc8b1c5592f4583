package org.chempark.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.chempark.sdk.telemetry.LiveValues;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.SourceStatus;
import org.chempark.sdk.telemetry.TelemetrySource;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The virtual park simulator in the distribution (issue 4): the feature installs, its Modbus
 * slaves serve the demo park, the bridge configurations it creates make the Modbus bridge poll
 * them, readings reach the telemetry module (LiveValues), and a leak scenario drives the
 * detector at the source above HH and raises an alarm.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SimulatorIT extends ChemParkTestSupport {
    @Inject
    private FeaturesService features;

    @Inject
    @Filter(timeout = 90_000)
    private LiveValues live;

    @Before
    public void installSimulator() throws Exception {
        if (!features.isInstalled(features.getFeature("chempark-simulator"))) {
            features.installFeature("chempark-simulator");
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
        return live.latest(point).map(Reading::value).orElse(Double.NaN);
    }

    private long onlineModbusSources() throws Exception {
        long online = 0;
        for (ServiceReference<TelemetrySource> ref : bundleContext.getServiceReferences(TelemetrySource.class,
                "(" + TelemetrySource.PROTOCOL + "=modbus)")) {
            TelemetrySource s = bundleContext.getService(ref);
            if (s != null && s.status().state() == SourceStatus.State.ONLINE) {
                online++;
            }
            bundleContext.ungetService(ref);
        }
        return online;
    }

    @Test
    public void simulatedDevicesReachTelemetryThroughModbusAndALeakRaisesAnAlarm() throws Exception {
        await("simulator devices", Duration.ofSeconds(90), () -> answers(API + "/simulator/devices", j -> j.size() == 28));
        await("28 Modbus sources ONLINE", Duration.ofSeconds(90), () -> onlineModbusSources() == 28);
        JsonNode e01 = json(get(API + "/modbus/devices/sim-E01-gds"));
        assertEquals(e01.toString(), "ONLINE", e01.path("status").path("state").asText());
        assertEquals(1, e01.path("requestsPerPoll").asInt());
        assertEquals("chempark-simulator", e01.path("createdBy").asText());

        await("readings of E01-GT-1101 in telemetry", Duration.ofSeconds(60), () -> live.latest("E01-GT-1101").isPresent());
        assertTrue("E01-GT-1101 normal: " + latestValue("E01-GT-1101"), latestValue("E01-GT-1101") < 25);
        assertEquals("modbus:sim-E01-gds", live.latest("E01-GT-1101").get().source());
        await("most of the park's points in telemetry", Duration.ofSeconds(60),
                () -> live.latest(List.of("E01-LT-1101", "E07-GT-1101", "E14-AT-1101", "E01-PT-1101")).size() == 4);

        assertProblem(422, send("POST", "/simulator/scenarios", "{\"type\":\"LEAK\",\"pointCode\":\"NOPE-1\",\"durationSeconds\":60}"));
        assertProblem(422, send("POST", "/simulator/scenarios", "{\"type\":\"LEAK\",\"pointCode\":\"E01-GT-1101\",\"durationSeconds\":0}"));
        HttpResponse<String> started = send("POST", "/simulator/scenarios",
                "{\"type\":\"LEAK\",\"pointCode\":\"E01-GT-1101\",\"durationSeconds\":180,\"radiusM\":60}");
        assertEquals(started.body(), 201, started.statusCode());
        String id = json(started).path("id").asText();
        // 30 s ramp, then the source passes HH (60 %LEL) and the telemetry module raises an alarm on it
        await("leak at E01-GT-1101 above HH", Duration.ofSeconds(90), () -> latestValue("E01-GT-1101") > 60);
        await("alarm on E01-GT-1101", Duration.ofSeconds(60),
                () -> live.activeAlarms().stream().anyMatch(a -> a.pointCode().equals("E01-GT-1101")));
        assertEquals(1, json(get(API + "/simulator/scenarios")).size());
        assertEquals(204, send("DELETE", "/simulator/scenarios/" + id, null).statusCode());
        assertProblem(404, send("DELETE", "/simulator/scenarios/" + id, null));

        // a device taken offline shows OFFLINE with a reason in the bridge and comes back
        HttpResponse<String> off = send("POST", "/simulator/scenarios", "{\"type\":\"OFFLINE\",\"device\":\"E02-gds\",\"durationSeconds\":600}");
        assertEquals(off.body(), 201, off.statusCode());
        await("sim-E02-gds OFFLINE", Duration.ofSeconds(30),
                () -> answers(API + "/modbus/devices/sim-E02-gds", j -> j.path("status").path("state").asText().equals("OFFLINE")));
        assertEquals(204, send("DELETE", "/simulator/scenarios/" + json(off).path("id").asText(), null).statusCode());
        await("sim-E02-gds ONLINE again", Duration.ofSeconds(30),
                () -> answers(API + "/modbus/devices/sim-E02-gds", j -> j.path("status").path("state").asText().equals("ONLINE")));

        assertProblem(422, send("PUT", "/modbus/devices/bad-one", "{\"host\":\"127.0.0.1\",\"registerMap\":[\"A;coil;0;int16\"]}"));
    }
}
