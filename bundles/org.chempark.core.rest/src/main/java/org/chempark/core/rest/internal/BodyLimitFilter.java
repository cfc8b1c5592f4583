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
    private final long limit;

    public BodyLimitFilter() {
        this(Rest.MAX_BODY_BYTES);
    }

    /** A filter for an endpoint whose resource declares {@link Rest#MAX_BODY_KEY}. */
    public BodyLimitFilter(long limit) {
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    @Override
    public void filter(ContainerRequestContext ctx) throws IOException {
        if (ctx.getLength() > limit) {
            ctx.abortWith(Response.status(413).type(MediaType.valueOf(Rest.PROBLEM_JSON))
                    .entity(Problem.of(ProblemMapper.tooLarge(limit), ctx.getUriInfo().getRequestUri().getRawPath())).build());
        }
    }
}
