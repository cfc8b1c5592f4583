package org.chempark.itests;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
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
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.server.EndpointConfiguration;

/**
 * A Milo OPC UA server started inside the container, standing in for an enterprise DCS:
 * {@code ns=2;s=Points} with Double variables named by point code. Loaded only after the Milo
 * feature is installed (the probe imports Milo dynamically).
 */
final class OpcUaItServer implements AutoCloseable {
    private final OpcUaServer server;
    private final List<UaVariableNode> nodes = new ArrayList<>();
    final int port;

    OpcUaItServer(List<String> codes) throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EndpointConfiguration ep = EndpointConfiguration.newBuilder().setBindAddress("127.0.0.1").setHostname("127.0.0.1")
                .setPath("/dcs").setBindPort(port).setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS).build();
        server = new OpcUaServer(OpcUaServerConfig.builder().setApplicationUri("urn:chempark:it:dcs")
                .setApplicationName(LocalizedText.english("IT DCS")).setProductUri("urn:chempark:it").setEndpoints(Set.of(ep))
                .setBuildInfo(new BuildInfo("urn:chempark:it", "chempark", "it dcs", "1", "1", DateTime.now()))
                .setIdentityValidator(AnonymousIdentityValidator.INSTANCE).build());
        Namespace ns = new Namespace(server, codes);
        ns.startup();
        server.startup().get(20, TimeUnit.SECONDS);
    }

    String url() {
        return "opc.tcp://127.0.0.1:" + port + "/dcs";
    }

    void setAll(double value) {
        DataValue dv = new DataValue(new Variant(value), StatusCode.GOOD, DateTime.now(), DateTime.now());
        nodes.forEach(n -> n.setValue(dv));
    }

    @Override
    public void close() throws Exception {
        server.shutdown().get(20, TimeUnit.SECONDS);
    }

    private final class Namespace extends ManagedNamespaceWithLifecycle {
        private final SubscriptionModel subscriptions;

        Namespace(OpcUaServer server, List<String> codes) {
            super(server, "urn:chempark:it:dcs:points"); // not the application URI, or it would share its index (1)
            subscriptions = new SubscriptionModel(server, this);
            getLifecycleManager().addLifecycle(subscriptions);
            getLifecycleManager().addStartupTask(() -> {
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
                    nodes.add(v);
                }
            });
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
