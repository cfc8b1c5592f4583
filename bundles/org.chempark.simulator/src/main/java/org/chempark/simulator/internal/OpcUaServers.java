package org.chempark.simulator.internal;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.api.DataItem;
import org.eclipse.milo.opcua.sdk.server.api.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.api.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.api.config.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.server.EndpointConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's enterprise DCS servers (Eclipse Milo): one OPC UA server per DCS device on its
 * own port, endpoint {@code opc.tcp://<bind>:<port>/dcs} (security None, anonymous — a
 * demonstration inside the park network), a folder {@code ns=2;s=Points} with one Double
 * variable per point whose node id and browse name are the point code. Values change every
 * tick; a device taken offline by a scenario shuts its server down and starts a new one when
 * the scenario ends.
 */
final class OpcUaServers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpcUaServers.class);
    static final String NAMESPACE_URI = "urn:chempark:simulator:dcs";
    static final String FOLDER = "ns=2;s=Points";

    private final String bind;
    private final Map<String, Served> served = new LinkedHashMap<>();
    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private static final class Served {
        final SimDevice device;
        OpcUaServer server;
        Map<String, UaVariableNode> nodes = Map.of();
        String problem;

        Served(SimDevice device) {
            this.device = device;
        }
    }

    OpcUaServers(String bind, List<SimDevice> devices) throws Exception {
        this.bind = bind;
        for (SimDevice d : devices) {
            served.put(d.name(), new Served(d));
        }
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        keyPair = gen.generateKeyPair();
        certificate = new SelfSignedCertificateBuilder(keyPair).setCommonName("ChemPark simulated DCS")
                .setApplicationUri("urn:chempark:simulator:dcs:server").addIpAddress(bind).addDnsName("localhost").build();
    }

    static String url(String bind, int port) {
        return "opc.tcp://" + bind + ":" + port + "/dcs";
    }

    /** Writes the current values and starts or stops servers as the offline scenarios say. */
    synchronized void update(ParkModel model, Instant now) {
        Set<String> offline = model.offlineDevices(now);
        DateTime ts = new DateTime(java.util.Date.from(now));
        for (Served s : served.values()) {
            boolean wantUp = !offline.contains(s.device.name());
            if (wantUp && s.server == null) {
                start(s);
            } else if (!wantUp && s.server != null) {
                LOG.info("Simulated DCS {} goes offline (OPC UA server on port {} stopped)", s.device.name(), s.device.port());
                stop(s);
            }
            for (Map.Entry<String, UaVariableNode> e : s.nodes.entrySet()) {
                double v = model.value(e.getKey());
                if (Double.isFinite(v)) {
                    e.getValue().setValue(new DataValue(new Variant(v), StatusCode.GOOD, ts, ts));
                }
            }
        }
    }

    private void start(Served s) {
        try {
            EndpointConfiguration endpoint = EndpointConfiguration.newBuilder().setBindAddress(bind).setHostname(bind).setPath("/dcs")
                    .setBindPort(s.device.port()).setCertificate(certificate).setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                    .setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
                    .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS).build();
            OpcUaServerConfig config = OpcUaServerConfig.builder().setApplicationUri("urn:chempark:simulator:dcs:" + s.device.name())
                    .setApplicationName(LocalizedText.english("ChemPark simulated DCS " + s.device.enterpriseCode()))
                    .setProductUri("urn:chempark:simulator").setEndpoints(Set.of(endpoint))
                    .setBuildInfo(new BuildInfo("urn:chempark:simulator", "chempark", "simulated DCS", "0.1.0", "0", DateTime.now()))
                    .setCertificateManager(new DefaultCertificateManager(keyPair, certificate))
                    .setIdentityValidator(AnonymousIdentityValidator.INSTANCE).build();
            OpcUaServer server = new OpcUaServer(config);
            Namespace ns = new Namespace(server, s.device.pointCodes());
            ns.startup();
            server.startup().get(20, TimeUnit.SECONDS);
            s.server = server;
            s.nodes = ns.variables;
            if (s.problem != null) {
                LOG.info("Simulated DCS {} serves OPC UA on {} again", s.device.name(), url(bind, s.device.port()));
            }
            s.problem = null;
        } catch (Exception e) {
            String p = String.valueOf(e.getMessage());
            if (!p.equals(s.problem)) {
                LOG.warn("Simulated DCS {} cannot serve OPC UA on {}: {} (retrying every tick)", s.device.name(), url(bind, s.device.port()), p);
            }
            s.problem = p;
        }
    }

    private static void stop(Served s) {
        try {
            s.server.shutdown().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("Stopping simulated DCS {}: {}", s.device.name(), e.toString());
        }
        s.server = null;
        s.nodes = Map.of();
    }

    synchronized Map<String, Boolean> running() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        served.forEach((k, v) -> out.put(k, v.server != null));
        return out;
    }

    @Override
    public synchronized void close() {
        for (Served s : served.values()) {
            if (s.server != null) {
                stop(s);
            }
        }
    }

    private static final class Namespace extends ManagedNamespaceWithLifecycle {
        private final SubscriptionModel subscriptions;
        private final List<String> codes;
        final Map<String, UaVariableNode> variables = new LinkedHashMap<>();

        Namespace(OpcUaServer server, List<String> codes) {
            super(server, NAMESPACE_URI);
            this.codes = new ArrayList<>(codes);
            subscriptions = new SubscriptionModel(server, this);
            getLifecycleManager().addLifecycle(subscriptions);
            getLifecycleManager().addStartupTask(this::build);
        }

        private void build() {
            UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId("Points"), newQualifiedName("Points"),
                    LocalizedText.english("Points"));
            getNodeManager().addNode(folder);
            folder.addReference(new Reference(folder.getNodeId(), Identifiers.Organizes, Identifiers.ObjectsFolder.expanded(), false));
            for (String code : codes) {
                UaVariableNode v = new UaVariableNode.UaVariableNodeBuilder(getNodeContext()).setNodeId(newNodeId(code))
                        .setAccessLevel(AccessLevel.READ_ONLY).setUserAccessLevel(AccessLevel.READ_ONLY)
                        .setBrowseName(newQualifiedName(code)).setDisplayName(LocalizedText.english(code))
                        .setDataType(Identifiers.Double).setTypeDefinition(Identifiers.BaseDataVariableType).build();
                v.setValue(new DataValue(new Variant(0.0)));
                getNodeManager().addNode(v);
                folder.addOrganizes(v);
                variables.put(code, v);
            }
        }

        @Override
        public void onDataItemsCreated(List<DataItem> items) {
            subscriptions.onDataItemsCreated(items);
        }

        @Override
        public void onDataItemsModified(List<DataItem> items) {
            subscriptions.onDataItemsModified(items);
        }

        @Override
        public void onDataItemsDeleted(List<DataItem> items) {
            subscriptions.onDataItemsDeleted(items);
        }

        @Override
        public void onMonitoringModeChanged(List<MonitoredItem> items) {
            subscriptions.onMonitoringModeChanged(items);
        }
    }
}
