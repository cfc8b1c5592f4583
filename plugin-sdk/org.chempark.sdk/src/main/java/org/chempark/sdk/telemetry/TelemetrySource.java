package org.chempark.sdk.telemetry;

/**
 * A connection or device a protocol bridge reads from, registered as an OSGi service for as
 * long as it is configured. The telemetry module lists every registered source with its status
 * in {@code GET /api/v1/telemetry/sources} and the shell command {@code chempark:sources}.
 * Sources are created from factory configurations (one factory PID per protocol, described
 * with OSGi Metatype) so the Karaf web console and the REST API can edit them.
 */
public interface TelemetrySource {
    /** Service property naming the protocol, e.g. {@code opcua}, {@code modbus}, {@code mqtt}. */
    String PROTOCOL = "chempark.telemetry.protocol";

    /** Unique id, {@code <protocol>:<name>}, the same as {@link Reading#source()}. */
    String id();

    /** Protocol, e.g. {@code opcua}. */
    String protocol();

    /** Human-readable name, e.g. the enterprise DCS it connects to. */
    String name();

    /** Where it connects, e.g. {@code opc.tcp://10.1.2.3:4840} (no credentials). */
    String endpoint();

    SourceStatus status();

    /**
     * The enterprise this source belongs to (an asset-model enterprise id), or 0 for a park-level
     * source. The ingest pipeline stores readings of a source that belongs to an enterprise only
     * for that enterprise's points; readings of another enterprise's points go to the dead-letter
     * store with the reason. Readings of a source that is not registered are not restricted.
     *
     * @since 1.2
     */
    default long enterpriseId() {
        return 0;
    }
}
