package org.chempark.security.internal;

import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.chempark.sdk.rest.Problem;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Rest;
import org.chempark.sdk.security.Authenticated;
import org.chempark.sdk.security.PublicEndpoint;
import org.chempark.sdk.security.Subject;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/auth/...}: login, token refresh, logout, who am I, change password.
 * Access tokens are HS256 JWTs of 15 minutes; refresh tokens are opaque, used once, and
 * live as long as the session (8 h at most, 30 min without activity).
 */
@Component(service = AuthResource.class, property = { Rest.RESOURCE, Rest.MODULE + "=" + SecurityModule.ID })
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    @Context
    HttpServletRequest request;

    private final SecurityCore core;

    @Activate
    public AuthResource(@Reference SecurityCore core) {
        this.core = core;
    }

    private Security security() {
        return core.security();
    }

    String source() {
        try {
            return request == null ? "unknown" : request.getRemoteAddr();
        } catch (RuntimeException outsideRequest) {
            return "unknown";
        }
    }

    /** 200 with tokens; 401 for wrong credentials (never saying which); 429 after too many attempts from one address. */
    @POST
    @Path("login")
    @PublicEndpoint
    public Response login(Dto.LoginRequest body) {
        String source = source();
        if (!security().rateLimiter.tryAcquire(source)) {
            long retry = security().rateLimiter.retryAfterSeconds(source);
            ProblemException p = new ProblemException(429, "Too many requests", "Too many login attempts from your address; try again in "
                    + retry + " seconds", List.of());
            return Response.status(429).type(MediaType.valueOf(Rest.PROBLEM_JSON)).header("Retry-After", retry)
                    .entity(Problem.of(p, Rest.BASE_PATH + "/auth/login")).build();
        }
        if (body == null) {
            throw ProblemException.badRequest("Send {\"username\": ..., \"password\": ...}");
        }
        return Response.ok(security().auth.login(body.username(), body.password(), source)).cacheControl(NO_STORE).build();
    }

    /** New tokens for a refresh token; the refresh token is used up (presenting it again ends the session). */
    @POST
    @Path("refresh")
    @PublicEndpoint
    public Response refresh(Dto.RefreshRequest body) {
        if (body == null) {
            throw ProblemException.badRequest("Send {\"refreshToken\": ...}");
        }
        return Response.ok(security().auth.refresh(body.refreshToken(), source())).cacheControl(NO_STORE).build();
    }

    /** Ends the session of the access token: it and its refresh token stop working at once. */
    @POST
    @Path("logout")
    @Authenticated
    @BeforePasswordChange
    public Response logout() {
        security().auth.logout(principal(), source());
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @Authenticated
    @BeforePasswordChange
    public Dto.Me me() {
        Principal p = principal();
        Subject s = p.subject();
        String orgName = null;
        try {
            orgName = security().directory.organisation(s.organisationId()).name();
        } catch (ProblemException gone) {
            // organisation deleted meanwhile
        }
        List<String> effective = core.permissions().stream().map(Dto.PermissionInfo::id).filter(s::hasPermission).toList();
        return new Dto.Me(s.userId(), s.username(), p.displayName(), s.organisationId(), orgName, s.organisationType(), s.enterpriseId(),
                s.grantedEnterpriseIds(), s.roles(), s.permissions(), effective, s.locale(), p.mustChangePassword(), p.passwordExpiresAt());
    }

    /** Changes the caller's password (policy and history apply); the caller's other sessions end. */
    @POST
    @Path("password")
    @Authenticated
    @BeforePasswordChange
    public Response changePassword(Dto.PasswordChange body) {
        if (body == null) {
            throw ProblemException.badRequest("Send {\"currentPassword\": ..., \"newPassword\": ...}");
        }
        security().auth.changePassword(principal(), body.currentPassword(), body.newPassword(), source());
        return Response.noContent().build();
    }

    private static Principal principal() {
        Principal p = SecurityFilter.CURRENT.get();
        if (p == null) {
            throw AuthService.unauthorized("Log in first");
        }
        return p;
    }
}
