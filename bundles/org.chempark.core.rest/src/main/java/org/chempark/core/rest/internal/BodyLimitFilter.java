package org.chempark.core.rest.internal;

import java.io.IOException;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.chempark.sdk.rest.Problem;
import org.chempark.sdk.rest.Rest;

/** Refuses a declared oversized body before it is read (413). Undeclared ones are cut off while reading. */
@PreMatching
public class BodyLimitFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext ctx) throws IOException {
        if (ctx.getLength() > Rest.MAX_BODY_BYTES) {
            ctx.abortWith(Response.status(413).type(MediaType.valueOf(Rest.PROBLEM_JSON))
                    .entity(Problem.of(ProblemMapper.tooLarge(Rest.MAX_BODY_BYTES), ctx.getUriInfo().getRequestUri().getRawPath())).build());
        }
    }
}
