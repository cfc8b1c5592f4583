package org.chempark.core.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.MultivaluedMap;

/**
 * Secure response headers on every API answer (等保 2.0 application security): no MIME
 * sniffing, no framing, no referrer, and no caching of answers that may hold personal or
 * plant data.
 */
final class SecurityHeaders implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> h = response.getHeaders();
        h.putSingle("X-Content-Type-Options", "nosniff");
        h.putSingle("X-Frame-Options", "DENY");
        h.putSingle("Referrer-Policy", "no-referrer");
        if (!h.containsKey("Content-Security-Policy")) {
            h.putSingle("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
        if (!h.containsKey("Cache-Control")) {
            h.putSingle("Cache-Control", "no-store");
        }
    }
}
