package org.chempark.security.internal;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.chempark.sdk.rest.Problem;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Rest;
import org.chempark.sdk.security.Authenticated;
import org.chempark.sdk.security.PublicEndpoint;
import org.chempark.sdk.security.RequiresPermission;
import org.chempark.sdk.security.Subject;
import org.chempark.sdk.security.SubjectHolder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Authenticates and authorises every request to the ChemPark application before its
 * resource method runs, puts the caller in the {@link SubjectHolder} for the request, and
 * audits every write. Deny by default: a resource method without {@link RequiresPermission},
 * {@link Authenticated} or {@link PublicEndpoint} (on itself or its class) answers 403.
 */
@Component(service = { ContainerRequestFilter.class, ContainerResponseFilter.class }, property = {
        Rest.EXTENSION, SecurityFilter.MARKER + "=true" })
@Priority(Priorities.AUTHENTICATION)
public class SecurityFilter implements ContainerRequestFilter, ContainerResponseFilter {
    /** Service property marking the authentication filter, so the REST publisher can wait for it before publishing anything. */
    public static final String MARKER = "chempark.security.filter";
    static final String PRINCIPAL = "chempark.security.principal";
    static final String DENIED = "chempark.security.denied";
    static final String PASSWORD_CHANGE_TYPE = "urn:chempark:problem:password-change-required";
    /** The principal of the request this thread serves (the session id is needed by logout and password change). */
    static final ThreadLocal<Principal> CURRENT = new ThreadLocal<>();
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Context
    ResourceInfo resourceInfo;
    @Context
    HttpServletRequest servletRequest;

    private final Security security;

    @Activate
    public SecurityFilter(@Reference SecurityCore core) {
        this(core.security());
    }

    SecurityFilter(Security security) {
        this.security = security;
    }

    /** What a resource method requires. */
    record Rule(Kind kind, String permission) {
        enum Kind { PUBLIC, AUTHENTICATED, PERMISSION, UNDECLARED }
    }

    /** The method's own annotation wins over its class's; on one element the strictest wins. */
    /** Rules per resource method: annotations do not change while the bundle runs. */
    private static final java.util.Map<Method, Rule> RULES = new java.util.concurrent.ConcurrentHashMap<>();

    static Rule rule(Method method, Class<?> type) {
        if (method != null) {
            return RULES.computeIfAbsent(method, m -> resolveRule(m, type));
        }
        return resolveRule(null, type);
    }

    private static Rule resolveRule(Method method, Class<?> type) {
        Rule r = method == null ? null : rule(method.getAnnotation(RequiresPermission.class), method.getAnnotation(Authenticated.class),
                method.getAnnotation(PublicEndpoint.class));
        if (r == null && type != null) {
            r = rule(type.getAnnotation(RequiresPermission.class), type.getAnnotation(Authenticated.class),
                    type.getAnnotation(PublicEndpoint.class));
        }
        return r == null ? new Rule(Rule.Kind.UNDECLARED, null) : r;
    }

    private static Rule rule(RequiresPermission p, Authenticated a, PublicEndpoint pub) {
        if (p != null) {
            return new Rule(Rule.Kind.PERMISSION, p.value());
        }
        if (a != null) {
            return new Rule(Rule.Kind.AUTHENTICATED, null);
        }
        return pub != null ? new Rule(Rule.Kind.PUBLIC, null) : null;
    }

    /**
     * The decision for one request: the principal to run as (null for an anonymous public
     * call), or a {@link ProblemException} with the status to answer.
     */
    static Principal decide(Rule rule, String authorization, boolean passwordChangeAllowed, AuthService auth) {
        Principal p = authenticate(rule, authorization, auth);
        authorize(rule, p, passwordChangeAllowed);
        return p;
    }

    /** Who calls: null for an anonymous call of a public endpoint; 401 when a token is needed and missing or not valid. */
    static Principal authenticate(Rule rule, String authorization, AuthService auth) {
        String token = bearer(authorization);
        Principal p = null;
        if (token != null) {
            try {
                p = auth.authenticate(token);
            } catch (ProblemException e) {
                if (rule.kind() != Rule.Kind.PUBLIC) {
                    throw e;
                }
            }
        } else if (authorization != null && rule.kind() != Rule.Kind.PUBLIC) {
            throw AuthService.unauthorized("Send the access token as 'Authorization: Bearer <token>'");
        }
        if (p == null && rule.kind() != Rule.Kind.PUBLIC) {
            throw AuthService.unauthorized("Log in first: POST /api/v1/auth/login, then send 'Authorization: Bearer <accessToken>'");
        }
        return p;
    }

    /** 403 when the caller must change the password first, the endpoint declares nothing, or the permission is missing. */
    static void authorize(Rule rule, Principal p, boolean passwordChangeAllowed) {
        if (rule.kind() == Rule.Kind.PUBLIC) {
            return;
        }
        if (p.mustChangePassword() && !passwordChangeAllowed) {
            throw new ProblemException(403, "Password change required", "change your password first: POST /api/v1/auth/password",
                    PASSWORD_CHANGE_TYPE, List.of());
        }
        if (rule.kind() == Rule.Kind.UNDECLARED) {
            throw new ProblemException(403, "Forbidden", "This endpoint declares no permission and is closed by default; "
                    + "its module must annotate it with @RequiresPermission, @Authenticated or @PublicEndpoint", List.of());
        }
        if (rule.kind() == Rule.Kind.PERMISSION && !p.subject().hasPermission(rule.permission())) {
            throw new ProblemException(403, "Forbidden", "You need the permission '" + rule.permission()
                    + "' for this; ask your administrator for a role with it", List.of());
        }
    }

    static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String a = authorization.trim();
        if (a.length() > 7 && a.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String t = a.substring(7).trim();
            return t.isEmpty() ? null : t;
        }
        return null;
    }

    @Override
    public void filter(ContainerRequestContext ctx) throws IOException {
        SubjectHolder.clear();
        CURRENT.remove();
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo == null ? null : resourceInfo.getResourceClass();
        if (method == null && "OPTIONS".equals(ctx.getMethod())) {
            return; // JAX-RS's automatic OPTIONS answer: no data
        }
        Rule rule = rule(method, type);
        boolean allowed = method != null && method.isAnnotationPresent(BeforePasswordChange.class);
        try {
            Principal p = authenticate(rule, ctx.getHeaderString(HttpHeaders.AUTHORIZATION), security.auth);
            if (p != null) {
                ctx.setProperty(PRINCIPAL, p); // known even when authorisation fails, for the audit row
            }
            authorize(rule, p, allowed);
            if (p != null) {
                SubjectHolder.set(p.subject());
                CURRENT.set(p);
                ctx.setSecurityContext(new SubjectSecurityContext(p.subject(), ctx.getSecurityContext() != null
                        && ctx.getSecurityContext().isSecure()));
            }
        } catch (ProblemException e) {
            if (e.status() == 403) {
                ctx.setProperty(DENIED, e.detail());
            }
            Response.ResponseBuilder b = Response.status(e.status()).type(MediaType.valueOf(Rest.PROBLEM_JSON))
                    .entity(Problem.of(e, ctx.getUriInfo().getRequestUri().getRawPath()));
            if (e.status() == 401) {
                b.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"chempark\", error=\"invalid_token\"");
            }
            ctx.abortWith(b.build());
        }
    }

    @Override
    public void filter(ContainerRequestContext req, ContainerResponseContext res) throws IOException {
        if (secure(req)) {
            // browsers apply it to the whole host: the web UI calls /api/v1 at once, so its pages are covered too
            res.getHeaders().putSingle(HSTS, HSTS_VALUE);
        }
        try {
            String path = req.getUriInfo().getRequestUri().getRawPath();
            boolean auth = path.startsWith(Rest.BASE_PATH + "/auth/");
            Object denied = req.getProperty(DENIED);
            if ((WRITES.contains(req.getMethod()) && !auth) || denied != null) {
                Principal p = (Principal) req.getProperty(PRINCIPAL);
                Subject s = p == null ? null : p.subject();
                security.audit.append(new Actor(s, source(), req.getMethod(), path).event(
                        denied != null ? AuditLog.Action.ACCESS_DENIED : AuditLog.Action.WRITE, res.getStatus(),
                        denied == null ? null : denied.toString()));
            }
        } finally {
            SubjectHolder.clear();
            CURRENT.remove();
        }
    }

    static final String HSTS = "Strict-Transport-Security";
    /** One year; no includeSubDomains (other hosts of the park's domain are not ours to decide). */
    static final String HSTS_VALUE = "max-age=31536000";

    /** Whether the request came over HTTPS (Jetty's secure connector). */
    boolean secure(ContainerRequestContext req) {
        try {
            if (servletRequest != null && servletRequest.isSecure()) {
                return true;
            }
        } catch (RuntimeException outsideRequest) {
            // no servlet request: ask JAX-RS
        }
        return "https".equalsIgnoreCase(req.getUriInfo().getRequestUri().getScheme());
    }

    /** The client's address as the servlet container sees it (behind a proxy: the proxy's). */
    String source() {
        try {
            return servletRequest == null ? "unknown" : servletRequest.getRemoteAddr();
        } catch (RuntimeException outsideRequest) {
            return "unknown";
        }
    }

    /** JAX-RS view of the subject: {@code isUserInRole} answers permissions. */
    record SubjectSecurityContext(Subject subject, boolean secure) implements javax.ws.rs.core.SecurityContext {
        @Override
        public java.security.Principal getUserPrincipal() {
            return subject::username;
        }

        @Override
        public boolean isUserInRole(String permission) {
            return subject.hasPermission(permission) || subject.roles().contains(permission);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
