package org.chempark.security.internal;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Rest;
import org.chempark.sdk.security.CurrentSubject;
import org.chempark.sdk.security.DataScope;
import org.chempark.sdk.security.RequiresPermission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/security/...}: users, roles, organisations, the permissions of the installed
 * modules, and the audit log. Park administration only (security permissions cannot be
 * granted to enterprise or contractor users).
 */
@Component(service = SecurityResource.class, property = { Rest.RESOURCE, Rest.MODULE + "=" + SecurityModule.ID })
@Path("security")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresPermission(SecurityModule.READ)
public class SecurityResource {
    private static final int CSV_MAX_ROWS = 100_000;
    private static final Set<String> NO_SORT = Set.of();

    @Context
    HttpServletRequest request;

    private final SecurityCore core;

    @Activate
    public SecurityResource(@Reference SecurityCore core) {
        this.core = core;
    }

    private Security s() {
        DataScope.requireParkWide();
        return core.security();
    }

    private Actor actor() {
        DataScope.requireParkWide();
        String source = "unknown";
        String method = null;
        String path = null;
        try {
            if (request != null) {
                source = request.getRemoteAddr();
                method = request.getMethod();
                path = request.getRequestURI();
            }
        } catch (RuntimeException outsideRequest) {
            // tests
        }
        return new Actor(CurrentSubject.get(), source, method, path);
    }

    // users

    @GET
    @Path("users")
    public Page<Dto.User> users(@QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("sort") String sort,
            @QueryParam("q") String q, @QueryParam("organisationId") Long organisationId) {
        return s().directory.users(PageQuery.parse(page, size, sort, Directory.USER_SORT), q, organisationId);
    }

    @GET
    @Path("users/{id}")
    public Dto.User user(@PathParam("id") long id) {
        return s().directory.user(id);
    }

    /** 201; without a password in the body a temporary one is generated and returned this once. */
    @POST
    @Path("users")
    @RequiresPermission(SecurityModule.WRITE)
    public Response createUser(Dto.UserInput body) {
        Actor a = actor();
        Dto.UserWithPassword created = s().directory.createUser(body, a, s().auth.hasher(), s().policy);
        return Response.status(201).header("Location", Rest.BASE_PATH + "/security/users/" + created.user().id()).entity(created).build();
    }

    @PUT
    @Path("users/{id}")
    @RequiresPermission(SecurityModule.WRITE)
    public Dto.User updateUser(@PathParam("id") long id, Dto.UserInput body) {
        return s().directory.updateUser(id, body, actor(), s().policy, s().auth);
    }

    @DELETE
    @Path("users/{id}")
    @RequiresPermission(SecurityModule.WRITE)
    public Response deleteUser(@PathParam("id") long id) {
        s().directory.deleteUser(id, actor());
        return Response.noContent().build();
    }

    @POST
    @Path("users/{id}/lock")
    @RequiresPermission(SecurityModule.WRITE)
    public Dto.User lock(@PathParam("id") long id) {
        return s().directory.setLocked(id, true, actor(), s().auth);
    }

    @POST
    @Path("users/{id}/unlock")
    @RequiresPermission(SecurityModule.WRITE)
    public Dto.User unlock(@PathParam("id") long id) {
        return s().directory.setLocked(id, false, actor(), s().auth);
    }

    /** A generated temporary password (shown once) that must be changed at next login; the user's sessions end. */
    @POST
    @Path("users/{id}/reset-password")
    @RequiresPermission(SecurityModule.WRITE)
    public Dto.UserWithPassword resetPassword(@PathParam("id") long id) {
        return s().directory.resetPassword(id, actor(), s().auth.hasher(), s().auth);
    }

    // roles and permissions

    @GET
    @Path("roles")
    public List<Dto.Role> roles() {
        return s().directory.roles();
    }

    @GET
    @Path("roles/{id}")
    public Dto.Role role(@PathParam("id") long id) {
        return s().directory.role(id);
    }

    @POST
    @Path("roles")
    @RequiresPermission(SecurityModule.WRITE)
    public Response createRole(Dto.Role body) {
        Dto.Role r = s().directory.createRole(body, actor());
        return Response.status(201).header("Location", Rest.BASE_PATH + "/security/roles/" + r.id()).entity(r).build();
    }

    @PUT
    @Path("roles/{id}")
    @RequiresPermission(SecurityModule.WRITE)
    public Dto.Role updateRole(@PathParam("id") long id, Dto.Role body) {
        return s().directory.updateRole(id, body, actor());
    }

    @DELETE
    @Path("roles/{id}")
    @RequiresPermission(SecurityModule.WRITE)
    public Response deleteRole(@PathParam("id") long id) {
        s().directory.deleteRole(id, actor());
        return Response.noContent().build();
    }

    /** Every permission the installed modules declare (changes as modules are installed and removed). */
    @GET
    @Path("permissions")
    public List<Dto.PermissionInfo> permissions() {
        s();
        return core.permissions();
    }

    // organisations

    @GET
    @Path("organisations")
    public List<Dto.Organisation> organisations() {
        return s().directory.organisations();
    }

    @GET
    @Path("organisations/{id}")
    public Dto.Organisation organisation(@PathParam("id") long id) {
        return s().directory.organisation(id);
    }

    @POST
    @Path("organisations")
    @RequiresPermission(SecurityModule.WRITE)
    public Response createOrganisation(Dto.Organisation body) {
        Dto.Organisation o = s().directory.createOrganisation(body, actor());
        return Response.status(201).header("Location", Rest.BASE_PATH + "/security/organisations/" + o.id()).entity(o).build();
    }

    @PUT
    @Path("organisations/{id}")
    @RequiresPermission(SecurityModule.WRITE)
    public Dto.Organisation updateOrganisation(@PathParam("id") long id, Dto.Organisation body) {
        return s().directory.updateOrganisation(id, body, actor());
    }

    @DELETE
    @Path("organisations/{id}")
    @RequiresPermission(SecurityModule.WRITE)
    public Response deleteOrganisation(@PathParam("id") long id) {
        s().directory.deleteOrganisation(id, actor());
        return Response.noContent().build();
    }

    // audit

    /** Newest first. {@code from}/{@code to}: ISO-8601 instants, e.g. 2025-01-31T16:00:00Z. */
    @GET
    @Path("audit")
    @RequiresPermission(SecurityModule.AUDIT)
    public Page<AuditLog.Entry> audit(@QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("user") String user,
            @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to) {
        return s().audit.query(filter(user, action, from, to), PageQuery.parse(page, size, null, NO_SORT));
    }

    /** The same rows as CSV (oldest first, at most 100,000). */
    @GET
    @Path("audit.csv")
    @Produces("text/csv; charset=UTF-8")
    @RequiresPermission(SecurityModule.AUDIT)
    public Response auditCsv(@QueryParam("user") String user, @QueryParam("action") String action, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        AuditLog.Filter f = filter(user, action, from, to);
        AuditLog audit = s().audit;
        StreamingOutput out = os -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
            audit.exportCsv(f, w, CSV_MAX_ROWS);
            w.flush();
        };
        return Response.ok(out).header("Content-Disposition", "attachment; filename=\"chempark-audit.csv\"").build();
    }

    /** Walks the hash chain; {@code firstBrokenId} is null when it is intact. */
    @GET
    @Path("audit/verify")
    @RequiresPermission(SecurityModule.AUDIT)
    public AuditLog.Verification verify() {
        return s().audit.verify();
    }

    private static AuditLog.Filter filter(String user, String action, String from, String to) {
        return new AuditLog.Filter(user, null, action, instant("from", from), instant("to", to));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be an ISO-8601 instant such as 2025-01-31T16:00:00Z (got '" + value + "')");
        }
    }
}
