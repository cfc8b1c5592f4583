package org.chempark.sdk.rest;

/**
 * Conventions for REST resources. A resource is a DS component registered as a service
 * with these properties (the JAX-RS whiteboard publishes it, and removes it when its bundle
 * stops):
 *
 * <pre>
 * &#64;Component(service = MyResource.class, property = {
 *     Rest.RESOURCE, Rest.APPLICATION_SELECT, Rest.MODULE + "=my-module" })
 * &#64;Path("my-module")
 * public class MyResource { ... }
 * </pre>
 *
 * Every resource is served under {@value #BASE_PATH}; it should use a path starting with
 * its module id. Errors are thrown as {@link ProblemException}; the core renders them as
 * RFC 7807 {@code application/problem+json}.
 */
public final class Rest {
    /** The application every ChemPark resource joins. */
    public static final String APPLICATION_NAME = "chempark";
    /** Where the application is served. */
    public static final String BASE_PATH = "/api/v1";
    /** Service property: this service is a JAX-RS resource. */
    public static final String RESOURCE = "osgi.jaxrs.resource=true";
    /** Service property: this service is a JAX-RS extension (provider, filter, mapper). */
    public static final String EXTENSION = "osgi.jaxrs.extension=true";
    /** Service property: join the ChemPark application. */
    public static final String APPLICATION_SELECT = "osgi.jaxrs.application.select=(osgi.jaxrs.name=" + APPLICATION_NAME + ")";
    /** Service property key naming the module that owns a resource. */
    public static final String MODULE = "chempark.module";
    /** RFC 7807 media type. */
    public static final String PROBLEM_JSON = "application/problem+json";
    /** Largest request body accepted by default (bytes); larger bodies get 413. */
    public static final long MAX_BODY_BYTES = 1L << 20;

    private Rest() {
    }
}
