package org.chempark.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The virtual park simulator in the distribution (issue 4): the feature installs, its Modbus
 * slaves, OPC UA DCS servers and MQTT gateways serve the demo park, the bridge configurations it creates make the Modbus bridge poll
 * them, the simulated MQTT gateways publish to the platform broker, readings reach the telemetry
 * module (LiveValues), and a leak scenario drives the
 * detector at the source above HH and raises an alarm.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SimulatorIT extends ChemParkTestSupport {
    @Inject
    private FeaturesService features;

    @Inject
    @Filter(timeout = 240_000)
    private LiveValues live;

    /** The simulator's Modbus ports moved to a free range: another instance on this machine may use 15020+. */
    @Override
    @Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.add(editConfigurationFilePut("etc/org.chempark.simulator.cfg", "modbusBasePort", Integer.toString(freeRange(40))));
        return options.toArray(Option[]::new);
    }

    private static int freeRange(int count) {
        java.util.Random rnd = new java.util.Random();
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20000 + rnd.nextInt(12000); // below the ephemeral range (32768+), where outgoing connections take ports
            boolean free = true;
            for (int p = base; p < base + count && free; p++) {
                try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                    s.setReuseAddress(true);
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free range of " + count + " ports");
    }

    @Before
    public void installSimulator() throws Exception {
        // the simulated devices and, as features of their own, the bridges that read them
        for (String f : new String[] { "chempark-modbus", "chempark-opcua-client", "chempark-simulator" }) {
            if (!features.isInstalled(features.getFeature(f))) {
                features.installFeature(f);
            }
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

    private long onlineSources(String protocol) throws Exception {
        long online = 0;
        for (ServiceReference<TelemetrySource> ref : bundleContext.getServiceReferences(TelemetrySource.class,
                "(" + TelemetrySource.PROTOCOL + "=" + protocol + ")")) {
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
        await("simulator devices", Duration.ofSeconds(90), () -> answers(API + "/simulator/devices", j -> j.size() == 38));
        // 14 gas-detector controllers and 9 DCS over Modbus; the DCS of E01-E05 over OPC UA
        await("23 Modbus sources ONLINE", Duration.ofSeconds(90), () -> onlineSources("modbus") == 23);
        await("5 OPC UA connections ONLINE", Duration.ofSeconds(120), () -> onlineSources("opcua") == 5);
        JsonNode e01 = json(get(API + "/modbus/devices/sim-E01-gds"));
        assertEquals(e01.toString(), "ONLINE", e01.path("status").path("state").asText());
        assertEquals(1, e01.path("requestsPerPoll").asInt());
        assertEquals("chempark-simulator", e01.path("createdBy").asText());

        await("readings of E01-GT-1101 in telemetry", Duration.ofSeconds(60), () -> live.latest("E01-GT-1101").isPresent());
        assertTrue("E01-GT-1101 normal: " + latestValue("E01-GT-1101"), latestValue("E01-GT-1101") < 25);
        assertEquals("modbus:sim-E01-gds", live.latest("E01-GT-1101").get().source());
        await("most of the park's points in telemetry", Duration.ofSeconds(60),
                () -> live.latest(List.of("E01-LT-1101", "E07-GT-1101", "E14-AT-1101", "E01-PT-1101")).size() == 4);
        // the DCS of E01 is an OPC UA server read by the OPC UA client bridge (points mapped by browse name)
        await("E01-LT-1101 over OPC UA", Duration.ofSeconds(60),
                () -> live.latest("E01-LT-1101").map(r -> r.source().equals("opcua:sim-E01-dcs")).orElse(false));
        // flow meters come from the simulated MQTT gateways, through the platform's broker with the gateway's own login
        await("E01-FT-1101 over MQTT", Duration.ofSeconds(60),
                () -> live.latest("E01-FT-1101").map(r -> r.source().equals("mqtt:sim-E01-gw")).orElse(false));

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
