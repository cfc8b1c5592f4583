package org.chempark.security.internal;

import java.util.Optional;

import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.security.Subject;
import org.chempark.sdk.security.TokenAuthenticator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link TokenAuthenticator} for connections outside a REST request (WebSocket, SSE): the same
 * checks as {@link SecurityFilter} (signature, expiry, session not revoked, not idle, within its
 * lifetime, user enabled). A user who must change the password first gets no subject, as REST
 * answers 403 to everything but the password change for them.
 */
@Component(service = TokenAuthenticator.class)
public class TokenAuthenticatorService implements TokenAuthenticator {
    private final AuthService auth;

    @Activate
    public TokenAuthenticatorService(@Reference SecurityCore core) {
        this(core.security().auth);
    }

    TokenAuthenticatorService(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public Optional<Subject> authenticate(String accessToken) {
        if (accessToken == null || accessToken.isBlank()) {
            return Optional.empty();
        }
        try {
            Principal p = auth.authenticate(accessToken.trim());
            return p.mustChangePassword() ? Optional.empty() : Optional.of(p.subject());
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    /**
     * True while the token's session lives; the access token's own 15-minute expiry does not
     * end a connection opened with it, and the check does not count as activity (an unattended
     * screen still times out after the idle time).
     */
    @Override
    public boolean stillValid(String accessToken) {
        return accessToken != null && !accessToken.isBlank() && auth.sessionValid(accessToken.trim());
    }
}
