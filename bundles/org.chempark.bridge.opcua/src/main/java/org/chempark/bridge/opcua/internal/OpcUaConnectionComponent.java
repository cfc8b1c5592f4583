package org.chempark.bridge.opcua.internal;

import java.time.Instant;
import java.util.List;

import org.chempark.sdk.telemetry.ReadingSink;
import org.chempark.sdk.telemetry.SourceStatus;
import org.chempark.sdk.telemetry.TelemetrySource;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One configured OPC UA connection ({@code etc/org.chempark.bridge.opcua-<name>.cfg}, or created
 * in the web console / {@code /api/v1/opcua/connections}), registered as a {@link TelemetrySource}.
 * A configuration change re-creates the connection.
 */
@Component(configurationPid = OpcUaConnectionComponent.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = { TelemetrySource.class, OpcUaConnectionComponent.class },
        property = TelemetrySource.PROTOCOL + "=" + OpcUaConnectionComponent.PROTOCOL)
@Designate(ocd = ClientConfig.class, factory = true)
public class OpcUaConnectionComponent implements TelemetrySource {
    static final String FACTORY_PID = "org.chempark.bridge.opcua";
    static final String PROTOCOL = "opcua";

    private final String name;
    private final String endpoint;
    private final String pid;
    private final OpcUaConnection connection; // null when the configuration is invalid
    private final SourceStatus invalid;
    private final long enterpriseId;

    @Activate
    public OpcUaConnectionComponent(ClientConfig config, java.util.Map<String, Object> properties,
            @Reference ReadingSink sink, @Reference ClientPki pki) {
        this.pid = String.valueOf(properties.get("service.pid"));
        ClientSettings settings = null;
        SourceStatus bad = null;
        try {
            settings = ClientSettings.from(config);
        } catch (IllegalArgumentException e) {
            bad = new SourceStatus(SourceStatus.State.OFFLINE, "invalid configuration " + pid + ": " + e.getMessage(),
                    Instant.now(), null, 0);
        }
        this.name = settings != null ? settings.name() : (config.name() == null || config.name().isBlank() ? pid : config.name());
        this.endpoint = config.endpointUrl();
        this.invalid = bad;
        this.enterpriseId = Math.max(0, config.enterpriseId());
        this.connection = settings == null ? null : new OpcUaConnection(settings, pki, sink);
        if (connection != null) {
            connection.start();
        }
    }

    @Deactivate
    void deactivate() {
        if (connection != null) {
            connection.close();
        }
    }

    @Override
    public String id() {
        return PROTOCOL + ":" + name;
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    /** The enterprise the DCS belongs to, 0 for a park-level connection. */
    @Override
    public long enterpriseId() {
        return enterpriseId;
    }

    String pid() {
        return pid;
    }

    @Override
    public SourceStatus status() {
        return connection == null ? invalid : connection.status();
    }

    int monitoredItems() {
        return connection == null ? 0 : connection.monitoredItems();
    }

    int mappedPoints() {
        return connection == null ? 0 : connection.points().size();
    }

    List<OpcUaConnection.BrowseEntry> browse(NodeId node) throws Exception {
        if (connection == null) {
            throw new IllegalStateException(invalid.reason());
        }
        return connection.browse(node);
    }
}
