package org.chempark.core.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import org.chempark.sdk.rest.Rest;
import org.chempark.sdk.security.PublicEndpoint;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenAPI 3 document of every resource currently published in the ChemPark application,
 * regenerated when resources come or go, and a page to browse it.
 */
@Component(service = OpenApiResource.class, property = { Rest.RESOURCE, Rest.MODULE + "=core" })
@Path("")
public class OpenApiResource {
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiResource.class);

    private final Set<Class<?>> resources = ConcurrentHashMap.newKeySet();
    private final ServiceTracker<Object, Class<?>> tracker;
    private volatile String document;

    @Activate
    public OpenApiResource(BundleContext context) throws InvalidSyntaxException {
        tracker = new ServiceTracker<>(context, context.createFilter("(" + Rest.RESOURCE + ")"), null) {
            @Override
            public Class<?> addingService(ServiceReference<Object> ref) {
                Class<?> c = resourceClass(ref);
                if (c != null) {
                    resources.add(c);
                    document = null;
                }
                return c;
            }

            @Override
            public void removedService(ServiceReference<Object> ref, Class<?> c) {
                resources.remove(c);
                document = null;
            }
        };
        tracker.open(true);
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    private static Class<?> resourceClass(ServiceReference<?> ref) {
        String[] names = (String[]) ref.getProperty(Constants.OBJECTCLASS);
        try {
            return ref.getBundle().loadClass(names[0]);
        } catch (ClassNotFoundException | IllegalStateException e) {
            LOG.debug("Cannot load resource class {} for the OpenAPI document", names[0]);
            return null;
        }
    }

    @GET
    @PublicEndpoint
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response openApi() {
        String doc = document;
        if (doc == null) {
            doc = generate(resources);
            document = doc;
        }
        return Response.ok(doc, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @PublicEndpoint
    @Path("docs")
    @Produces(MediaType.TEXT_HTML)
    public Response page() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("api-docs.html")) {
            return Response.ok(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                            + "connect-src 'self'; frame-ancestors 'none'")
                    .build();
        }
    }

    static String generate(Set<Class<?>> resourceClasses) {
        OpenAPI base = new OpenAPI()
                .info(new Info().title("ChemPark API 化工园区安全风险智能化管控平台")
                        .version("v1")
                        .description("Every resource of the installed modules. Errors are RFC 7807 application/problem+json.")
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url(Rest.BASE_PATH)));
        Set<Class<?>> sorted = new LinkedHashSet<>();
        resourceClasses.stream().sorted(Comparator.comparing(Class::getName)).forEach(sorted::add);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(Reader.class.getClassLoader());
            Reader reader = new Reader(new SwaggerConfiguration().openAPI(base).prettyPrint(true).readAllResources(true));
            OpenAPI api = reader.read(sorted);
            return io.swagger.v3.core.util.Json.pretty(api);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
