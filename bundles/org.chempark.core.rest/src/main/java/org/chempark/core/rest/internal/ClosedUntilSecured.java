package org.chempark.core.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.chempark.sdk.rest.Problem;
import org.chempark.sdk.rest.Rest;

/**
 * Closed by default: while no authenticating extension is registered (the security module is
 * starting, stopped or missing), every request is answered 503, never served unauthenticated.
 * Health stays readable so operators and load balancers can see why.
 */
@PreMatching
final class ClosedUntilSecured implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        if (path.equals("health") || path.equals("/health")) {
            return;
        }
        ctx.abortWith(Response.status(503).header("Retry-After", "5").type(MediaType.valueOf(Rest.PROBLEM_JSON))
                .entity(new Problem("about:blank", "Service unavailable",  503,
                        "The security module is not running, so the API is closed; try again shortly or check chempark:health",
                        ctx.getUriInfo().getRequestUri().getRawPath(), null)).build());
    }
}
