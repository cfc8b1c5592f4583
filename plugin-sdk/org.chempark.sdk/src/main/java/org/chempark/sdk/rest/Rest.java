package org.chempark.sdk.rest;

/**
 * Conventions for REST resources. A resource is a DS component registered as a service
 * with these properties; the core publishes it under {@value #BASE_PATH} as its own JAX-RS
 * endpoint and removes exactly that endpoint when the service goes, so installing or removing
 * a module never interrupts the other modules' resources:
 *
 * <pre>
 * &#64;Component(service = MyResource.class, property = { Rest.RESOURCE, Rest.MODULE + "=my-module" })
 * &#64;Path("my-module")
 * public class MyResource { ... }
 * </pre>
 *
 * The class-level {@code @Path} (usually the module id) must be unique among resources.
 * Errors are thrown as {@link ProblemException}; the core renders them as RFC 7807
 * {@code application/problem+json}. JAX-RS providers and filters that every resource needs
 * (e.g. authentication) register with {@link #EXTENSION}.
 */
public final class Rest {
    /** Where the application is served. */
    public static final String BASE_PATH = "/api/v1";
    /** Service property key marking a JAX-RS resource the core publishes. */
    public static final String RESOURCE_KEY = "chempark.rest.resource";
    /** Service property: this service is a JAX-RS resource. */
    public static final String RESOURCE = RESOURCE_KEY + "=true";
    /** Service property key marking a JAX-RS extension (provider, filter, exception mapper). */
    public static final String EXTENSION_KEY = "chempark.rest.extension";
    /** Service property: this service is a JAX-RS extension applied to every resource. */
    public static final String EXTENSION = EXTENSION_KEY + "=true";
    /** Service property key naming the module that owns a resource. */
    public static final String MODULE = "chempark.module";
    /** RFC 7807 media type. */
    public static final String PROBLEM_JSON = "application/problem+json";
    /** Largest request body accepted by default (bytes); larger bodies get 413. */
    public static final long MAX_BODY_BYTES = 1L << 20;
    /**
     * Service property key of a resource that accepts larger bodies (e.g. file uploads), in bytes, e.g.
     * {@code chempark.rest.maxBodyBytes:Long=52428800}. JSON bodies stay limited to {@link #MAX_BODY_BYTES};
     * a resource reading a raw body must still stop reading at its own limit.
     */
    public static final String MAX_BODY_KEY = "chempark.rest.maxBodyBytes";

    private Rest() {
    }
}
