package org.chempark.core.camel.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.core.osgi.OsgiDefaultCamelContext;
import org.chempark.sdk.camel.Routes;
import org.chempark.sdk.health.HealthIndicator;
import org.chempark.sdk.health.HealthStatus;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one CamelContext of the platform ({@code chempark}). Every {@link RoutesBuilder}
 * service is a route supplier: its routes are added when it appears and exactly those
 * routes are stopped and removed when it goes, so routes live and die with their bundle.
 * Because all modules share this context, {@code direct:} endpoints connect modules.
 */
@Component(immediate = true, service = HealthIndicator.class, property = HealthIndicator.MODULE + "=core")
public class CamelContextOwner implements HealthIndicator {
    private static final Logger LOG = LoggerFactory.getLogger(CamelContextOwner.class);

    private final OsgiDefaultCamelContext camel;
    private final ServiceRegistration<CamelContext> registration;
    private final Map<RoutesBuilder, Set<String>> routesBySupplier = new ConcurrentHashMap<>();

    @Activate
    public CamelContextOwner(BundleContext context) {
        camel = new OsgiDefaultCamelContext(context);
        camel.setName("chempark");
        camel.setStreamCaching(false);
        // start before adding routes: routes added to a not-yet-started context in OSGi never ran
        camel.start();
        registration = context.registerService(CamelContext.class, camel,
                new java.util.Hashtable<>(Map.of("camel.context.name", "chempark")));
        LOG.info("CamelContext 'chempark' started (Camel {})", camel.getVersion());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addSupplier(RoutesBuilder supplier, Map<String, Object> props) {
        Set<String> before = routeIds();
        try {
            camel.addRoutes(supplier);
            Set<String> added = new HashSet<>(routeIds());
            added.removeAll(before);
            routesBySupplier.put(supplier, added);
            LOG.info("Routes {} of module '{}' started", added, props.getOrDefault(Routes.MODULE, "?"));
        } catch (Exception e) {
            // a half-added supplier must not leave routes behind
            Set<String> added = new HashSet<>(routeIds());
            added.removeAll(before);
            removeRoutes(added);
            LOG.error("Routes of module '{}' could not be added: {}", props.getOrDefault(Routes.MODULE, "?"), e.getMessage());
        }
    }

    synchronized void removeSupplier(RoutesBuilder supplier, Map<String, Object> props) {
        Set<String> ids = routesBySupplier.remove(supplier);
        if (ids != null) {
            removeRoutes(ids);
            LOG.info("Routes {} of module '{}' removed", ids, props.getOrDefault(Routes.MODULE, "?"));
        }
    }

    private void removeRoutes(Set<String> ids) {
        for (String id : ids) {
            try {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
            } catch (Exception e) {
                LOG.warn("Route {} could not be removed: {}", id, e.getMessage());
            }
        }
    }

    private Set<String> routeIds() {
        return camel.getRoutes().stream().map(Route::getRouteId).collect(Collectors.toSet());
    }

    @Override
    public String name() {
        return "camel";
    }

    @Override
    public HealthStatus check() {
        List<Route> routes = camel.getRoutes();
        long stopped = routes.stream().filter(r -> !camel.getRouteController().getRouteStatus(r.getRouteId()).isStarted()).count();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("routes", routes.size());
        m.put("stoppedRoutes", stopped);
        m.put("suppliers", routesBySupplier.size());
        if (!camel.isStarted()) {
            return new HealthStatus(HealthStatus.Status.DOWN, "CamelContext is " + camel.getStatus(), m);
        }
        if (stopped > 0) {
            return new HealthStatus(HealthStatus.Status.DEGRADED, stopped + " of " + routes.size() + " routes are not running", m);
        }
        return HealthStatus.up(routes.size() + " routes running", m);
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException gone) {
            // already unregistered while the bundle stops
        }
        camel.stop();
    }
}
