package org.chempark.sdk.camel;

/**
 * Route-supplier conventions. A module contributes Camel routes by registering an
 * {@code org.apache.camel.RoutesBuilder} (usually a {@code RouteBuilder}) as an OSGi service
 * with the property {@link #MODULE}. The core CamelContext owner adds its routes when the
 * service appears and removes exactly those routes when it goes, so a module's routes live
 * and die with its bundle.
 *
 * <ul>
 * <li>Route ids start with the module id and a dot: {@code asset.change-log}.</li>
 * <li>Endpoints between modules are {@code direct-vm:} or {@code vm:} ({@code seda} across
 * bundles does not work: each bundle would see its own queue), named
 * {@code chempark.<module>.<name>}.</li>
 * </ul>
 */
public final class Routes {
    /** Service property naming the module that owns the routes. */
    public static final String MODULE = "chempark.module";
    /** The Camel endpoint protocol bridges send {@code List<Reading>} batches to. */
    public static final String INGEST_ENDPOINT = "direct-vm:chempark.telemetry.ingest";

    private Routes() {
    }

    /** Whether a route id belongs to a module by the naming convention. */
    public static boolean belongsTo(String routeId, String moduleId) {
        return routeId != null && routeId.startsWith(moduleId + ".");
    }
}
