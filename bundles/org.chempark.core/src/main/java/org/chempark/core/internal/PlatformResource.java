package org.chempark.core.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.chempark.core.HealthReport;
import org.chempark.core.HealthService;
import org.chempark.core.ModuleInfo;
import org.chempark.core.ModuleRegistry;
import org.chempark.sdk.health.HealthStatus;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Rest;
import org.chempark.sdk.security.PublicEndpoint;
import org.chempark.sdk.security.Authenticated;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/health} and {@code /api/v1/modules}. */
@Component(service = PlatformResource.class, property = { Rest.RESOURCE, Rest.MODULE + "=core" })
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformResource {
    private final HealthService health;
    private final ModuleRegistry modules;

    @Activate
    public PlatformResource(@Reference HealthService health, @Reference ModuleRegistry modules) {
        this.health = health;
        this.modules = modules;
    }

    /** 200 when every component is up or degraded, 503 when one is down. */
    @GET
    @PublicEndpoint
    @Path("health")
    public Response health() {
        HealthReport r = health.check();
        return Response.status(r.status() == HealthStatus.Status.DOWN ? 503 : 200).entity(r).build();
    }

    /** Any logged-in user: the web UI builds its menu from it (entries are then filtered by permission). */
    @GET
    @Authenticated
    @Path("modules")
    public List<ModuleInfo> modules() {
        return modules.modules();
    }

    @GET
    @Authenticated
    @Path("modules/{id}")
    public ModuleInfo module(@PathParam("id") String id) {
        return modules.module(id).orElseThrow(() -> ProblemException.notFound("module", id));
    }
}
