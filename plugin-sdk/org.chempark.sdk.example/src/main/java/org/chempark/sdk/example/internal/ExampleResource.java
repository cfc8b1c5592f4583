package org.chempark.sdk.example.internal;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.chempark.sdk.rest.Rest;
import org.chempark.sdk.security.RequiresPermission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/v1/example/hello}: proves the resource and the route are live. */
@Component(service = ExampleResource.class, property = { Rest.RESOURCE, Rest.MODULE + "=" + ExampleModule.ID })
@Path("example")
@Produces(MediaType.APPLICATION_JSON)
public class ExampleResource {
    private final TickRoutes routes;

    @Activate
    public ExampleResource(@Reference TickRoutes routes) {
        this.routes = routes;
    }

    @GET
    @RequiresPermission("example:read")
    @Path("hello")
    public Map<String, Object> hello() {
        return Map.of("message", "你好，化工园区 Hello, park", "ticks", routes.ticks(), "route", TickRoutes.ROUTE_ID);
    }
}
