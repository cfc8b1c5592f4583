package org.chempark.sdk.security;

import java.util.Optional;

/**
 * Authenticates an access token outside a REST request, e.g. when a browser opens a WebSocket
 * ({@code ?access_token=} or the {@code Sec-WebSocket-Protocol} header, since browsers cannot
 * set an Authorization header there). Offered as an OSGi service by the security module; the
 * same checks as for REST apply (signature, expiry, revocation, idle session).
 */
public interface TokenAuthenticator {
    /** The subject of a valid access token; empty when it is missing, tampered, expired or revoked. */
    Optional<Subject> authenticate(String accessToken);

    /**
     * Whether the session of this token is still valid (not logged out, not expired, not idle);
     * long-lived connections re-check it periodically and close when it is not.
     */
    boolean stillValid(String accessToken);
}
