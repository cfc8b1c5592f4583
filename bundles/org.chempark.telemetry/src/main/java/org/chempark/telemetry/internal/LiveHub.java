package org.chempark.telemetry.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.websocket.CloseReason;
import javax.websocket.Session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chempark.sdk.security.DataScope;
import org.chempark.sdk.security.Subject;
import org.chempark.sdk.security.TokenAuthenticator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live push: browsers connected to {@link LiveSocket} subscribe to points or enterprises
 * and get their latest values (at most every {@code push_throttle_ms}) and every alarm
 * transition at once, each filtered by the subscriber's data scope. Sockets whose session ended
 * ({@link TokenAuthenticator#stillValid}) are closed. Registers the endpoint on the Pax Web
 * whiteboard while it runs.
 */
@Component(service = LiveHub.class, immediate = true)
public class LiveHub implements AlarmEngine.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
    static final String WHITEBOARD_WEBSOCKET = "org.ops4j.pax.web.http.whiteboard.websocket";
    static final long VALIDITY_CHECK_MS = 5_000;
    static final ObjectMapper JSON = new ObjectMapper();
    /** The hub the container-created endpoints talk to (JSR-356 instantiates endpoints itself). */
    static volatile LiveHub current;

    private final TelemetryService telemetry;
    private final TokenAuthenticator tokens;
    private final Map<Session, Client> clients = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newFixedThreadPool(2, r -> daemon(r, "chempark-telemetry-push"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "chempark-telemetry-push-tick"));
    private final ServiceRegistration<?> endpoint;

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** One connected browser. */
    static final class Client {
        final Session session;
        final String token;
        final Subject subject;
        final DataScope scope;
        volatile Set<String> points = Set.of();
        volatile Set<Long> enterprises = Set.of();
        volatile boolean all;
        volatile boolean alarms = true;

        Client(Session session, String token, Subject subject) {
            this.session = session;
            this.token = token;
            this.subject = subject;
            this.scope = DataScope.of(subject);
        }

        boolean wants(String pointCode, Long enterpriseId) {
            return scope.allows(enterpriseId) && (all || points.contains(pointCode) || (enterpriseId != null && enterprises.contains(enterpriseId)));
        }

        synchronized void send(String text) {
            if (!session.isOpen()) {
                return;
            }
            try {
                session.getBasicRemote().sendText(text);
            } catch (IOException | RuntimeException e) {
                LOG.debug("Live push to {} failed: {}", subject.username(), e.toString());
            }
        }
    }

    @Activate
    public LiveHub(BundleContext context, @Reference TelemetryService telemetry, @Reference TokenAuthenticator tokens) {
        this.telemetry = telemetry;
        this.tokens = tokens;
        current = this;
        telemetry.alarms.addListener(this);
        int throttle = telemetry.settings.pushThrottleMs();
        ticker.scheduleWithFixedDelay(this::pushValues, throttle, throttle, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(this::checkSessions, VALIDITY_CHECK_MS, VALIDITY_CHECK_MS, TimeUnit.MILLISECONDS);
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put(WHITEBOARD_WEBSOCKET, "true");
        endpoint = context.registerService(Object.class, new LiveSocket(), props);
    }

    @Deactivate
    void deactivate() {
        try {
            endpoint.unregister();
        } catch (IllegalStateException gone) {
            // the bundle is stopping
        }
        telemetry.alarms.removeListener(this);
        for (Client c : List.copyOf(clients.values())) {
            close(c, CloseReason.CloseCodes.GOING_AWAY, "telemetry module stopping");
        }
        ticker.shutdownNow();
        senders.shutdownNow();
        if (current == this) {
            current = null;
        }
    }

    /** Authenticates a new socket; false (and closed) when the token is not valid. */
    boolean open(Session session, String token) {
        Subject s = token == null ? null : tokens.authenticate(token).orElse(null);
        if (s == null || !s.hasPermission(TelemetryModule.READ)) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
                        s == null ? "unauthorized: send a valid access token" : "forbidden: telemetry:read needed"));
            } catch (IOException ignored) {
                // already gone
            }
            return false;
        }
        Client c = new Client(session, token, s);
        clients.put(session, c);
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("type", "hello");
        hello.put("user", s.username());
        hello.put("throttleMs", telemetry.settings.pushThrottleMs());
        c.send(json(hello));
        return true;
    }

    void closed(Session session) {
        clients.remove(session);
    }

    /** Handles a client message: subscribe or ping. */
    void message(Session session, String text) {
        Client c = clients.get(session);
        if (c == null) {
            return;
        }
        JsonNode m;
        try {
            m = JSON.readTree(text);
        } catch (IOException e) {
            c.send(error("not JSON: " + e.getMessage()));
            return;
        }
        String type = m.path("type").asText("");
        switch (type) {
        case "ping" -> c.send("{\"type\":\"pong\"}");
        case "subscribe" -> {
            Set<String> pts = new java.util.HashSet<>();
            m.path("points").forEach(n -> pts.add(n.asText()));
            Set<Long> ents = new java.util.HashSet<>();
            m.path("enterprises").forEach(n -> ents.add(n.asLong()));
            c.points = Set.copyOf(pts);
            c.enterprises = Set.copyOf(ents);
            c.all = m.path("all").asBoolean(false);
            c.alarms = m.path("alarms").asBoolean(true);
            // the current values of what was subscribed, at once
            List<Map<String, Object>> now = new ArrayList<>();
            for (LatestCache.Entry e : telemetry.latest.all()) {
                PointMeta p = telemetry.catalog.byId(e.pointId());
                if (p != null && c.wants(p.code(), p.enterpriseId())) {
                    now.add(value(e));
                }
            }
            Map<String, Object> ack = new LinkedHashMap<>();
            ack.put("type", "subscribed");
            ack.put("points", c.points);
            ack.put("enterprises", c.enterprises);
            ack.put("all", c.all);
            c.send(json(ack));
            if (!now.isEmpty()) {
                c.send(json(Map.of("type", "values", "values", now)));
            }
        }
        default -> c.send(error("unknown message type '" + type + "'; use subscribe or ping"));
        }
    }

    @Override
    public void alarmChanged(String action, Alarm a) {
        if (clients.isEmpty()) {
            return;
        }
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("type", "alarm");
        msg.put("action", action);
        msg.put("sentAt", System.currentTimeMillis());
        msg.put("alarm", alarm(a));
        String text = json(msg);
        for (Client c : clients.values()) {
            if (c.alarms && c.wants(a.pointCode(), a.enterpriseId())) {
                senders.execute(() -> c.send(text));
            }
        }
    }

    private void pushValues() {
        try {
            List<LatestCache.Entry> changed = telemetry.latest.drainUnpushed();
            if (changed.isEmpty() || clients.isEmpty()) {
                return;
            }
            Map<Client, List<Map<String, Object>>> perClient = new HashMap<>();
            for (LatestCache.Entry e : changed) {
                PointMeta p = telemetry.catalog.byId(e.pointId());
                if (p == null) {
                    continue;
                }
                Map<String, Object> v = null;
                for (Client c : clients.values()) {
                    if (c.wants(p.code(), p.enterpriseId())) {
                        if (v == null) {
                            v = value(e);
                        }
                        perClient.computeIfAbsent(c, k -> new ArrayList<>()).add(v);
                    }
                }
            }
            perClient.forEach((c, values) -> {
                String text = json(Map.of("type", "values", "values", values));
                senders.execute(() -> c.send(text));
            });
        } catch (RuntimeException e) {
            LOG.warn("Live value push failed: {}", e.toString());
        }
    }

    private void checkSessions() {
        for (Client c : List.copyOf(clients.values())) {
            boolean valid;
            try {
                valid = tokens.stillValid(c.token);
            } catch (RuntimeException e) {
                valid = false;
            }
            if (!valid) {
                close(c, CloseReason.CloseCodes.VIOLATED_POLICY, "session ended: log in again");
            }
        }
    }

    private void close(Client c, CloseReason.CloseCode code, String why) {
        clients.remove(c.session);
        try {
            c.session.close(new CloseReason(code, why));
        } catch (IOException | RuntimeException ignored) {
            // already gone
        }
    }

    int clientCount() {
        return clients.size();
    }

    static Map<String, Object> value(LatestCache.Entry e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("point", e.reading().pointId());
        v.put("value", Double.isFinite(e.reading().value()) ? e.reading().value() : null);
        v.put("quality", e.reading().quality().name());
        v.put("t", e.reading().timestamp().toString());
        return v;
    }

    static Map<String, Object> alarm(Alarm a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("point", a.pointCode());
        m.put("enterpriseId", a.enterpriseId());
        m.put("unitId", a.unitId());
        m.put("kind", a.kind());
        m.put("priority", a.priority());
        m.put("state", a.state());
        m.put("value", Double.isFinite(a.value()) ? a.value() : null);
        m.put("limit", Double.isFinite(a.limit()) ? a.limit() : null);
        m.put("raisedAt", a.raisedAt().toString());
        m.put("clearedAt", a.clearedAt() == null ? null : a.clearedAt().toString());
        m.put("acknowledgedBy", a.acknowledgedBy());
        m.put("shelvedUntil", a.shelvedUntil() == null ? null : a.shelvedUntil().toString());
        return m;
    }

    private static String error(String message) {
        return json(Map.of("type", "error", "message", message));
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
