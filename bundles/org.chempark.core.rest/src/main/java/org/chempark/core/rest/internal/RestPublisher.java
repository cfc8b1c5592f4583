package org.chempark.core.rest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Path;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.apache.cxf.jaxrs.model.ClassResourceInfo;
import org.apache.cxf.jaxrs.model.URITemplate;
import org.chempark.sdk.rest.Rest;
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
 * Publishes every resource service ({@link Rest#RESOURCE}) as its own CXF JAX-RS endpoint under
 * {@value Rest#BASE_PATH}, at the address of its class-level {@code @Path}. Resources with an
 * empty path (the core's own: health, modules, OpenAPI) share the root endpoint, which also
 * answers unknown paths with a 404 problem. Adding or removing one module's resource creates or
 * destroys only that endpoint: the rest of the API keeps answering throughout (a JAX-RS
 * whiteboard application would be rebuilt, and every path would briefly answer 404).
 * Extensions ({@link Rest#EXTENSION}) apply to every endpoint; when one comes or goes, all
 * endpoints are rebuilt.
 */
@Component(immediate = true, service = RestPublisher.class)
public class RestPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(RestPublisher.class);
    static final String ROOT = "";

    private final BundleContext context;
    private final Bus bus;
    private final JsonProvider json = new JsonProvider();
    private final ProblemMapper problems = new ProblemMapper();
    private final BodyLimitFilter bodyLimit = new BodyLimitFilter();
    private final SecurityHeaders securityHeaders = new SecurityHeaders();
    private final ClosedUntilSecured closedUntilSecured = new ClosedUntilSecured();
    /** Service property of the extension that authenticates requests; without it the API is closed (503). */
    static final String SECURITY_FILTER = "chempark.security.filter";
    private final Map<ServiceReference<Object>, Object> resources = new LinkedHashMap<>();
    private final Map<ServiceReference<Object>, Object> extensions = new LinkedHashMap<>();
    private final Map<String, Server> servers = new HashMap<>();
    private final ServiceTracker<Object, Object> resourceTracker;
    private final ServiceTracker<Object, Object> extensionTracker;
    private boolean closed;

    @Activate
    public RestPublisher(BundleContext context) throws InvalidSyntaxException {
        this.context = context;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(JAXRSServerFactoryBean.class.getClassLoader());
            this.bus = BusFactory.getDefaultBus(true);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        publish(ROOT);
        extensionTracker = new ServiceTracker<>(context, context.createFilter("(" + Rest.EXTENSION + ")"), null) {
            @Override
            public Object addingService(ServiceReference<Object> ref) {
                Object ext = context.getService(ref);
                synchronized (RestPublisher.this) {
                    extensions.put(ref, ext);
                    republishAll();
                }
                return ext;
            }

            @Override
            public void removedService(ServiceReference<Object> ref, Object ext) {
                synchronized (RestPublisher.this) {
                    extensions.remove(ref);
                    republishAll();
                }
                context.ungetService(ref);
            }
        };
        resourceTracker = new ServiceTracker<>(context, context.createFilter("(" + Rest.RESOURCE + ")"), null) {
            @Override
            public Object addingService(ServiceReference<Object> ref) {
                Object resource = context.getService(ref);
                if (resource == null) {
                    // the component failed to activate (its own log says why); keeping a null would break every later publish
                    LOG.warn("Resource service {} could not be obtained; not published", ref.getProperty(Constants.SERVICE_ID));
                    return null;
                }
                synchronized (RestPublisher.this) {
                    resources.put(ref, resource);
                    publish(address(resource));
                }
                return resource;
            }

            @Override
            public void removedService(ServiceReference<Object> ref, Object resource) {
                synchronized (RestPublisher.this) {
                    resources.remove(ref);
                    publish(address(resource));
                }
                context.ungetService(ref);
            }
        };
        extensionTracker.open(true);
        resourceTracker.open(true);
    }

    /** A resource's {@link Rest#MAX_BODY_KEY}, or the default when absent or unreadable. */
    static long maxBodyOf(ServiceReference<?> ref) {
        Object v = ref.getProperty(Rest.MAX_BODY_KEY);
        if (v instanceof Number n && n.longValue() > 0) {
            return n.longValue();
        }
        if (v != null) {
            try {
                long l = Long.parseLong(String.valueOf(v).trim());
                if (l > 0) {
                    return l;
                }
            } catch (NumberFormatException e) {
                LOG.warn("Ignoring {}={} of service {}: not a number of bytes", Rest.MAX_BODY_KEY, v, ref.getProperty(Constants.SERVICE_ID));
            }
        }
        return Rest.MAX_BODY_BYTES;
    }

    /** The endpoint address of a resource: its class-level {@code @Path} without slashes at the ends. */
    static String address(Object resource) {
        for (Class<?> c = resource.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            Path p = c.getAnnotation(Path.class);
            if (p != null) {
                String v = p.value().trim();
                while (v.startsWith("/")) {
                    v = v.substring(1);
                }
                while (v.endsWith("/")) {
                    v = v.substring(0, v.length() - 1);
                }
                return v;
            }
        }
        return ROOT;
    }

    /** (Re)creates the endpoint at one address from the resources that claim it now. */
    private void publish(String address) {
        if (closed) {
            return;
        }
        List<Object> beans = new ArrayList<>();
        long maxBody = Rest.MAX_BODY_BYTES;
        List<ServiceReference<Object>> refs = new ArrayList<>(resources.keySet());
        refs.sort(Comparator.naturalOrder());
        java.util.Collections.reverse(refs); // highest ranking first
        for (ServiceReference<Object> ref : refs) {
            Object r = resources.get(ref);
            if (address(r).equals(address)) {
                if (!address.equals(ROOT) && !beans.isEmpty()) {
                    LOG.error("Two resources claim /api/v1/{}: {} is not published; give it another class-level @Path "
                            + "(service {})", address, r.getClass().getName(), ref.getProperty(Constants.SERVICE_ID));
                    continue;
                }
                beans.add(r);
                maxBody = Math.max(maxBody, maxBodyOf(ref));
            }
        }
        Server old = servers.remove(address);
        if (old != null) {
            old.destroy();
        }
        if (beans.isEmpty() && !address.equals(ROOT)) {
            return;
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(JAXRSServerFactoryBean.class.getClassLoader());
            JAXRSServerFactoryBean sf = new JAXRSServerFactoryBean();
            sf.setBus(bus);
            sf.setAddress("/" + address);
            List<Object> providers = new ArrayList<>(List.of(json, problems,
                    maxBody == Rest.MAX_BODY_BYTES ? bodyLimit : new BodyLimitFilter(maxBody), securityHeaders));
            providers.addAll(extensions.values());
            if (extensions.keySet().stream().noneMatch(r -> Boolean.parseBoolean(String.valueOf(r.getProperty(SECURITY_FILTER)))))  {
                providers.add(closedUntilSecured);
            }
            sf.setProviders(providers);
            if (beans.isEmpty()) {
                // the root endpoint always exists, so unknown paths get a 404 problem, not the servlet's HTML
                beans.add(new NoResource());
            }
            sf.setServiceBeans(beans);
            if (!address.equals(ROOT)) {
                // the endpoint address already carries the class path; match methods below it
                for (ClassResourceInfo cri : sf.getServiceFactory().getClassResourceInfo()) {
                    cri.setURITemplate(URITemplate.createTemplate("/"));
                    cri.setResourceProvider(new SingletonResourceProvider(beans.get(0)));
                }
            }
            servers.put(address, sf.create());
            LOG.debug("Published {} at {}/{}", beans.stream().map(b -> b.getClass().getSimpleName()).toList(), Rest.BASE_PATH, address);
        } catch (RuntimeException e) {
            LOG.error("Resources at {}/{} could not be published: {}", Rest.BASE_PATH, address, e.getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private void republishAll() {
        java.util.Set<String> addresses = new java.util.HashSet<>(servers.keySet());
        resources.values().forEach(r -> addresses.add(address(r)));
        addresses.add(ROOT);
        addresses.forEach(this::publish);
    }

    /** Addresses currently published, for tests and diagnostics. */
    synchronized java.util.Set<String> addresses() {
        return new java.util.TreeSet<>(servers.keySet());
    }

    @Deactivate
    void deactivate() {
        resourceTracker.close();
        extensionTracker.close();
        synchronized (this) {
            closed = true;
            servers.values().forEach(Server::destroy);
            servers.clear();
        }
    }

    /** Placeholder root resource until the core's own resources arrive: every path is unknown (404 problem). */
    @Path("")
    public static class NoResource {
        @Path("{any: .*}")
        public Object any() {
            throw new javax.ws.rs.NotFoundException();
        }
    }
}
