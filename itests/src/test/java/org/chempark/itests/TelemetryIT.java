package org.chempark.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingSink;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The telemetry module in the distribution (R-F2.2, R-I.5, R-X.4): readings submitted through the
 * ReadingSink service are stored and listed over REST, a limit violation raises an alarm that a
 * WebSocket client receives, the alarm is acknowledged (a second acknowledgement is 409), unknown
 * points and dead letters are listed, history is exported, and an enterprise user sees only its
 * own enterprise's points and alarms (also on the WebSocket).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TelemetryIT extends ChemParkTestSupport {

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(API + path)).timeout(Duration.ofSeconds(30));
        b.header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String tokenFor(String username, String password) throws Exception {
        HttpRequest login = HttpRequest.newBuilder(uri(API + "/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("username", username).put("password", password).toString()))
                .build();
        JsonNode j = json(http.send(login, HttpResponse.BodyHandlers.ofString()));
        String token = j.path("accessToken").asText();
        if (j.path("mustChangePassword").asBoolean()) {
            String next = password + "-New9!";
            assertEquals(204, call("POST", "/auth/password", token,
                    JSON.createObjectNode().put("currentPassword", password).put("newPassword", next).toString()).statusCode());
            return tokenFor(username, next);
        }
        return token;
    }

    /** A WebSocket client as a browser opens it: token as subprotocol, every message queued. */
    private final class LiveClient implements WebSocket.Listener {
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final WebSocket socket;
        private final StringBuilder partial = new StringBuilder();

        LiveClient(String token, String subscription) throws Exception {
            URI ws = URI.create("ws://127.0.0.1:" + httpPort() + "/ws/telemetry/live");
            WebSocket opened = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (opened == null) {
                try {
                    opened = http.newWebSocketBuilder().subprotocols("bearer", token).buildAsync(ws, this).get(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // registered by the live hub a moment after the REST resources
                    if (System.nanoTime() > deadline || !notFound(e)) {
                        throw e;
                    }
                    Thread.sleep(500);
                }
            }
            socket = opened;
            assertEquals("hello", next(m -> true).path("type").asText());
            socket.sendText(subscription, true).get(10, TimeUnit.SECONDS);
            next(m -> m.path("type").asText().equals("subscribed"));
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        JsonNode next(java.util.function.Predicate<JsonNode> test) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                JsonNode m = messages.poll(200, TimeUnit.MILLISECONDS);
                if (m != null && test.test(m)) {
                    return m;
                }
            }
            throw new AssertionError("no matching WebSocket message within 20 s");
        }

        boolean anyWithin(java.util.function.Predicate<JsonNode> test, Duration d) throws Exception {
            long deadline = System.nanoTime() + d.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode m = messages.poll(100, TimeUnit.MILLISECONDS);
                if (m != null && test.test(m)) {
                    return true;
                }
            }
            return false;
        }
    }

    private ReadingSink sink() throws Exception {
        ServiceTracker<ReadingSink, ReadingSink> t = new ServiceTracker<>(bundleContext, ReadingSink.class, null);
        t.open();
        ReadingSink s = t.waitForService(90_000);
        assertNotNull("ReadingSink service", s);
        return s;
    }

    private static boolean alarmOn(JsonNode m, String action, String point) {
        return m.path("type").asText().equals("alarm") && m.path("action").asText().equals(action)
                && m.path("alarm").path("point").asText().equals(point);
    }

    @Test
    public void ingestAlarmAcknowledgeHistoryAndScope() throws Exception {
        ReadingSink sink = sink();
        await("telemetry REST", Duration.ofSeconds(90), () -> answers(API + "/telemetry/status", j -> j.path("points").asInt() > 0));
        String admin = token();

        // two gas detectors with an HH limit, of two different enterprises
        JsonNode latest = json(call("GET", "/telemetry/latest", admin, null));
        JsonNode a = null, b = null;
        for (JsonNode p : latest) {
            if (!p.path("hh").isMissingNode() && !p.path("hh").isNull() && p.path("type").asText().equals("COMBUSTIBLE_GAS")) {
                if (a == null) {
                    a = p;
                } else if (b == null && p.path("enterpriseId").asLong() != a.path("enterpriseId").asLong()) {
                    b = p;
                }
            }
        }
        assertNotNull("two gas detectors of different enterprises in the demo park", b);
        String pa = a.path("pointCode").asText(), pb = b.path("pointCode").asText();
        double hh = a.path("hh").asDouble();

        // an enterprise user of B's enterprise, and both users' live sockets
        ObjectNode org = JSON.createObjectNode().put("code", "org-telemetry-it").put("name", "Telemetry IT enterprise")
                .put("type", "ENTERPRISE").put("enterpriseId", b.path("enterpriseId").asLong());
        HttpResponse<String> or = call("POST", "/security/organisations", admin, org.toString());
        assertEquals(or.body(), 201, or.statusCode());
        ObjectNode u = JSON.createObjectNode().put("username", "telemetry-it-safety").put("displayName", "Telemetry IT")
                .put("organisationId", json(or).path("id").asLong()).put("password", "Amber-Gauge-2026!");
        u.putArray("roles").add("enterprise-safety");
        assertEquals(201, call("POST", "/security/users", admin, u.toString()).statusCode());
        String safety = tokenFor("telemetry-it-safety", "Amber-Gauge-2026!");
        LiveClient adminLive = new LiveClient(admin, "{\"type\":\"subscribe\",\"all\":true}");
        LiveClient safetyLive = new LiveClient(safety, "{\"type\":\"subscribe\",\"all\":true}");

        // submit through the ReadingSink: a violation on A, a normal value on B, an unknown point, a reading from the future
        Instant now = Instant.now();
        ReadingSink.IngestReceipt receipt = sink.submit(List.of(Reading.good(pa, now, hh + 5, "itest:gw-1"),
                Reading.good(pb, now, 0.0, "itest:gw-1"), Reading.good("IT-NO-SUCH-POINT", now, 1, "itest:gw-1"),
                Reading.good(pb, now.plus(Duration.ofDays(1)), 1, "itest:gw-1"))).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals(new ReadingSink.IngestReceipt(2, 1, 1), receipt);
        sink.rejectPayload("itest:mqtt", "malformed JSON: unexpected end of input", "{\"v\":".getBytes(StandardCharsets.UTF_8));

        // the alarm reaches the admin's socket, never the other enterprise's user
        JsonNode raised = adminLive.next(m -> alarmOn(m, "RAISED", pa) && m.path("alarm").path("kind").asText().equals("HH"));
        long alarmId = raised.path("alarm").path("id").asLong();
        assertFalse("enterprise user got another enterprise's alarm", safetyLive.anyWithin(m -> alarmOn(m, "RAISED", pa), Duration.ofSeconds(2)));

        // REST: latest, active alarms, acknowledge, 409 on the second acknowledgement
        assertEquals(hh + 5, json(call("GET", "/telemetry/latest?points=" + pa, admin, null)).get(0).path("value").asDouble(), 1e-9);
        JsonNode active = json(call("GET", "/telemetry/alarms?active=true&points=" + pa, admin, null));
        assertTrue(active.toString(), active.path("total").asInt() >= 1);
        HttpResponse<String> ack = call("POST", "/telemetry/alarms/" + alarmId + "/acknowledge", admin, "{\"reason\":\"checked on site\"}");
        assertEquals(ack.body(), 200, ack.statusCode());
        assertEquals("ACKNOWLEDGED", json(ack).path("state").asText());
        assertProblem(409, call("POST", "/telemetry/alarms/" + alarmId + "/acknowledge", admin, "{\"reason\":\"again\"}"));
        adminLive.next(m -> alarmOn(m, "ACKNOWLEDGED", pa));
        JsonNode detail = json(call("GET", "/telemetry/alarms/" + alarmId, admin, null));
        List<String> actions = new ArrayList<>();
        detail.path("history").forEach(h -> actions.add(h.path("action").asText() + "/" + h.path("actor").asText()));
        assertEquals(List.of("RAISED/system", "ACKNOWLEDGED/admin"), actions);

        // unknown points and dead letters are listed with counters
        assertTrue(call("GET", "/telemetry/unknown-points", admin, null).body().contains("IT-NO-SUCH-POINT"));
        String dead = call("GET", "/telemetry/dead-letters", admin, null).body();
        assertTrue(dead, dead.contains("malformed JSON: unexpected end of input") && dead.contains("timestamp in the future: " + pb));

        // history and its exports
        String range = "&from=" + URLEncoder.encode(now.minusSeconds(60).toString(), StandardCharsets.UTF_8) + "&to="
                + URLEncoder.encode(now.plusSeconds(60).toString(), StandardCharsets.UTF_8);
        JsonNode hist = json(call("GET", "/telemetry/history?points=" + pa + "," + pb + range, admin, null));
        assertEquals(1, hist.path("series").path(pa).size());
        assertEquals(1, json(call("GET", "/telemetry/history?interval=60&points=" + pa + range, admin, null)).path("series").path(pa).size());
        HttpResponse<String> csv = call("GET", "/telemetry/history/export?format=csv&points=" + pa + range, admin, null);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body(), csv.body().contains(pa));
        HttpResponse<byte[]> xlsx = http.send(authorized(HttpRequest.newBuilder(uri(API + "/telemetry/history/export?format=xlsx&points=" + pa + range)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, xlsx.statusCode());
        assertEquals('P', xlsx.body()[0]);
        assertProblem(400, call("GET", "/telemetry/history?points=" + pa + "&from=yesterday", admin, null));

        // the enterprise user: own points only, 404 for the other enterprise's alarm and history, no acknowledging
        String mine = call("GET", "/telemetry/latest", safety, null).body();
        assertTrue(mine.contains(pb));
        assertFalse(mine.contains("\"" + pa + "\""));
        assertEquals(0, json(call("GET", "/telemetry/alarms?points=" + pa, safety, null)).path("total").asInt());
        assertProblem(404, call("GET", "/telemetry/alarms/" + alarmId, safety, null));
        assertProblem(404, call("GET", "/telemetry/history?points=" + pa, safety, null));
        assertProblem(403, call("POST", "/telemetry/alarms/" + alarmId + "/acknowledge", safety, "{}"));
        assertProblem(403, call("GET", "/telemetry/dead-letters", safety, null));

        // connections: a factory configuration of a bridge that is not installed is refused, naming the attribute
        JsonNode p = assertProblem(422, call("POST", "/telemetry/sources/configs", admin,
                "{\"factoryPid\":\"org.chempark.bridge.nothing\",\"properties\":{}}"));
        assertEquals("factoryPid", p.path("errors").get(0).path("field").asText());

        // shell: the alarm table and the per-source ingest counters
        String alarms = executeCommand("chempark:alarms");
        assertTrue(alarms, alarms.contains(pa) && alarms.contains("ACKNOWLEDGED"));
        String sources = executeCommand("chempark:sources");
        assertTrue(sources, sources.contains("itest:gw-1"));

        adminLive.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        safetyLive.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    @Test
    public void aSocketWithoutAValidTokenIsClosed() throws Exception {
        await("telemetry REST", Duration.ofSeconds(90), () -> answers(API + "/telemetry/status", j -> j.path("points").asInt() > 0));
        BlockingQueue<Integer> closed = new LinkedBlockingQueue<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.add(statusCode);
                return null;
            }
        };
        // the WebSocket endpoint is registered by the live hub, a moment after the REST resources: retry its 404
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + httpPort() + "/ws/telemetry/live?access_token=forged"), listener)
                        .get(20, TimeUnit.SECONDS);
                break;
            } catch (Exception e) {
                if (System.nanoTime() > deadline || !notFound(e)) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
        assertEquals(Integer.valueOf(1008), closed.poll(20, TimeUnit.SECONDS));
    }

    /** Whether a WebSocket opening failed with HTTP 404 (anywhere in the cause chain). */
    static boolean notFound(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("status code 404")) {
                return true;
            }
        }
        return false;
    }
}
