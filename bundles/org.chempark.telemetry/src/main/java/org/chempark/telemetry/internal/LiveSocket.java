package org.chempark.telemetry.internal;

import java.util.List;
import java.util.Map;

import javax.websocket.CloseReason;
import javax.websocket.HandshakeResponse;
import javax.websocket.OnClose;
import javax.websocket.OnError;
import javax.websocket.OnMessage;
import javax.websocket.OnOpen;
import javax.websocket.Session;
import javax.websocket.server.HandshakeRequest;
import javax.websocket.server.ServerEndpoint;
import javax.websocket.server.ServerEndpointConfig;

/**
 * {@code ws(s)://<host>/api/v1/telemetry/live}: the browser authenticates with its access token,
 * either as the query parameter {@code access_token} or as the subprotocol pair
 * {@code Sec-WebSocket-Protocol: bearer, <token>} (the server answers {@code bearer}). The
 * protocol is described in docs/telemetry.md. The container creates one instance per socket;
 * all of them talk to the {@link LiveHub}.
 */
@ServerEndpoint(value = "/api/v1/telemetry/live", configurator = LiveSocket.Handshake.class, subprotocols = { "bearer" })
public class LiveSocket {
    static final String TOKEN = "chempark.accessToken";

    /** Takes the token from the subprotocol header during the handshake. */
    public static class Handshake extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            List<String> protocols = request.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Sec-WebSocket-Protocol"))
                    .flatMap(e -> e.getValue().stream()).toList();
            String token = bearer(protocols);
            if (token != null) {
                sec.getUserProperties().put(TOKEN, token);
            }
        }

        @Override
        public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
            return requested.contains("bearer") ? "bearer" : "";
        }
    }

    /** The token following {@code bearer} in the requested subprotocols, or null. */
    static String bearer(List<String> protocolHeaders) {
        List<String> parts = protocolHeaders.stream().flatMap(p -> java.util.Arrays.stream(p.split(","))).map(String::strip).toList();
        int i = parts.indexOf("bearer");
        return i >= 0 && i + 1 < parts.size() ? parts.get(i + 1) : null;
    }

    /**
     * Pax Web 8 registers the endpoint with its own configurator, so {@link Handshake} may not
     * run: read the subprotocol header from Jetty's upgrade request (reflection, no compile-time
     * dependency on Jetty).
     */
    static String bearerFromUpgradeRequest(Session session) {
        try {
            Object req = session.getClass().getMethod("getUpgradeRequest").invoke(session);
            Object values = req.getClass().getMethod("getHeaders", String.class).invoke(req, "Sec-WebSocket-Protocol");
            if (values instanceof List<?> l) {
                return bearer(l.stream().map(String::valueOf).toList());
            }
        } catch (ReflectiveOperationException | RuntimeException notJetty) {
            // another container: only the configurator or the query parameter apply
        }
        return null;
    }

    @OnOpen
    public void open(Session session) {
        LiveHub hub = LiveHub.current;
        String token = (String) session.getUserProperties().get(TOKEN);
        if (token == null) {
            token = bearerFromUpgradeRequest(session);
        }
        if (token == null) {
            Map<String, List<String>> q = session.getRequestParameterMap();
            List<String> t = q.get("access_token");
            token = t == null || t.isEmpty() ? null : t.get(0);
        }
        if (hub == null) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "telemetry is starting"));
            } catch (java.io.IOException ignored) {
                // already gone
            }
            return;
        }
        session.setMaxIdleTimeout(0);
        hub.open(session, token);
    }

    @OnMessage
    public void message(Session session, String text) {
        LiveHub hub = LiveHub.current;
        if (hub != null && text.length() <= 65536) {
            hub.message(session, text);
        }
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        LiveHub hub = LiveHub.current;
        if (hub != null) {
            hub.closed(session);
        }
    }

    @OnError
    public void error(Session session, Throwable t) {
        LiveHub hub = LiveHub.current;
        if (hub != null) {
            hub.closed(session);
        }
    }
}
