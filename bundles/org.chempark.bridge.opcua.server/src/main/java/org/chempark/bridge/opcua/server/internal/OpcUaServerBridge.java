package org.chempark.bridge.opcua.server.internal;

import java.nio.file.Path;
import java.time.Instant;

import org.chempark.asset.AssetService;
import org.chempark.sdk.telemetry.AlarmInfo;
import org.chempark.sdk.telemetry.LiveValues;
import org.chempark.sdk.telemetry.ReadingHistory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OPC UA server bridge (PID {@value #PID}): a Milo server exposing the park's monitoring
 * points to enterprise DCS and third parties; see {@link ParkNamespace} for the address space.
 * A configuration change restarts the server.
 */
@Component(configurationPid = OpcUaServerBridge.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, service = EventHandler.class,
        property = { EventConstants.EVENT_TOPIC + "=org/chempark/asset/*", EventConstants.EVENT_TOPIC + "=" + AlarmInfo.TOPIC_ALL })
@Designate(ocd = ServerConfig.class)
public class OpcUaServerBridge implements EventHandler {
    static final String PID = "org.chempark.bridge.opcua.server";
    private static final Logger LOG = LoggerFactory.getLogger(OpcUaServerBridge.class);

    private final ParkServer server;

    @Activate
    public OpcUaServerBridge(ServerConfig config, BundleContext context, @Reference AssetService assets, @Reference LiveValues live,
            @Reference ReadingHistory history) {
        String karafData = context.getProperty("karaf.data");
        Path dir = karafData != null ? Path.of(karafData, "opcua", "server") : context.getDataFile("opcua-server").toPath();
        ParkServer s = null;
        if (config.enabled()) {
            s = new ParkServer(config, dir, assets, live, history);
            try {
                s.start();
            } catch (Exception e) {
                // a taken port or a bad setting: stay inactive and say why, without a stack trace
                LOG.warn("OPC UA server bridge not started on port {}: {}", config.port(), e.getCause() != null ? e.getCause().toString() : e.toString());
                close(s);
                s = null;
            }
        } else {
            LOG.info("OPC UA server bridge disabled by configuration {}", PID);
        }
        this.server = s;
    }

    @Deactivate
    void deactivate() {
        close(server);
    }

    private static void close(ParkServer s) {
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.debug("OPC UA server bridge stop: {}", e.toString());
            }
        }
    }

    @Override
    public void handleEvent(Event event) {
        ParkServer s = server;
        if (s == null) {
            return;
        }
        if (event.getTopic().startsWith(AlarmInfo.TOPIC_PREFIX)) {
            s.alarm(alarm(event));
        } else {
            s.assetsChanged();
        }
    }

    static AlarmInfo alarm(Event e) {
        String action = e.getTopic().substring(AlarmInfo.TOPIC_PREFIX.length());
        Object state = e.getProperty(AlarmInfo.STATE);
        Object raisedAt = e.getProperty(AlarmInfo.RAISED_AT);
        return new AlarmInfo(num(e.getProperty(AlarmInfo.ID)).longValue(), String.valueOf(e.getProperty(AlarmInfo.POINT_CODE)),
                nullableLong(e.getProperty(AlarmInfo.POINT_ID)), nullableLong(e.getProperty(AlarmInfo.UNIT_ID)),
                nullableLong(e.getProperty(AlarmInfo.ENTERPRISE_ID)), String.valueOf(e.getProperty(AlarmInfo.KIND)),
                num(e.getProperty(AlarmInfo.PRIORITY)).intValue(),
                state != null ? state.toString() : "RAISED".equals(action) ? "ACTIVE" : action,
                num(e.getProperty(AlarmInfo.VALUE)).doubleValue(), num(e.getProperty(AlarmInfo.LIMIT)).doubleValue(),
                raisedAt == null ? Instant.now() : Instant.ofEpochMilli(num(raisedAt).longValue()));
    }

    private static Number num(Object o) {
        if (o instanceof Number n) {
            return n;
        }
        try {
            return o == null ? 0 : Double.parseDouble(o.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Long nullableLong(Object o) {
        return o == null ? null : num(o).longValue();
    }
}
