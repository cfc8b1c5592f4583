package org.chempark.bridge.opcua.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.X509IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.nodes.AttributeObserver;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultTrustListManager;
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
import org.eclipse.milo.opcua.stack.server.security.DefaultServerCertificateValidator;

/**
 * A real Milo OPC UA server standing in for an enterprise DCS: a folder {@code ns=2;s=Points}
 * with {@code n} Double variables {@code ns=2;s=P-00001 …} whose browse names are the point
 * codes. Endpoints: None and Basic256Sha256 (SignAndEncrypt); users: anonymous, one
 * username/password, and X.509 certificates of trusted clients.
 */
public final class TestDcsServer implements AutoCloseable {
    static final String NS = "urn:chempark:test:dcs";
    private final int port;
    private final int count;
    private final String user;
    private final String password;
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final DefaultTrustListManager trust;
    private OpcUaServer server;
    private List<UaVariableNode> nodes = List.of();

    public TestDcsServer(Path dir, int count, String user, String password) throws Exception {
        this.port = freePort();
        this.count = count;
        this.user = user;
        this.password = password;
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        this.keyPair = gen.generateKeyPair();
        this.certificate = new SelfSignedCertificateBuilder(keyPair).setCommonName("Test DCS")
                .setApplicationUri("urn:chempark:test:dcs:server").addDnsName("localhost").addIpAddress("127.0.0.1").build();
        Files.createDirectories(dir);
        this.trust = new DefaultTrustListManager(dir.resolve("pki").toFile());
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public String url() {
        return "opc.tcp://127.0.0.1:" + port + "/dcs";
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Trusts a client application (or user) certificate, as a DCS admin would. */
    public void trust(X509Certificate client) {
        trust.addTrustedCertificate(client);
    }

    public static String code(int i) {
        return String.format("P-%05d", i);
    }

    public synchronized void start() throws Exception {
        Set<EndpointConfiguration> endpoints = new LinkedHashSet<>();
        EndpointConfiguration.Builder base = EndpointConfiguration.newBuilder().setBindAddress("127.0.0.1").setHostname("127.0.0.1")
                .setPath("/dcs").setBindPort(port).setCertificate(certificate).setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS, OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME,
                        OpcUaServerConfig.USER_TOKEN_POLICY_X509);
        endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None).build());
        endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.Basic256Sha256).setSecurityMode(MessageSecurityMode.SignAndEncrypt).build());
        // discovery without security on the same path
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri("urn:chempark:test:dcs:server").setApplicationName(LocalizedText.english("Test DCS"))
                .setProductUri("urn:chempark:test:dcs").setEndpoints(endpoints)
                .setBuildInfo(new BuildInfo("urn:chempark:test:dcs", "chempark", "test dcs", "1", "1", DateTime.now()))
                .setCertificateManager(new DefaultCertificateManager(keyPair, certificate))
                .setTrustListManager(trust).setCertificateValidator(new DefaultServerCertificateValidator(trust))
                .setIdentityValidator(new CompositeValidator(
                        new UsernameIdentityValidator(true, c -> user.equals(c.getUsername()) && password.equals(c.getPassword())),
                        new X509IdentityValidator(c -> trust.getTrustedCertificates().contains(c))))
                .build();
        server = new OpcUaServer(config);
        Namespace ns = new Namespace(server);
        ns.startup();
        server.startup().get(20, TimeUnit.SECONDS);
        nodes = ns.variables;
    }

    /** Stops the server (the port is free again); {@link #start()} brings up a new instance with fresh sessions. */
    public synchronized void stop() throws Exception {
        if (server != null) {
            server.shutdown().get(20, TimeUnit.SECONDS);
            server = null;
        }
    }

    public void set(int i, double value, DateTime sourceTime) {
        nodes.get(i - 1).setValue(new DataValue(new Variant(value), StatusCode.GOOD, sourceTime, DateTime.now()));
    }

    public void setStatus(int i, StatusCode status) {
        nodes.get(i - 1).setValue(new DataValue(Variant.NULL_VALUE, status, DateTime.now(), DateTime.now()));
    }

    /** Sets every variable to {@code value} with the same source timestamp. */
    public void setAll(double value, DateTime sourceTime) {
        DataValue dv = new DataValue(new Variant(value), StatusCode.GOOD, sourceTime, sourceTime);
        for (UaVariableNode n : nodes) {
            n.setValue(dv);
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        trust.close();
    }

    private final class Namespace extends ManagedNamespaceWithLifecycle {
        private final SubscriptionModel subscriptions;
        private final List<UaVariableNode> variables = new ArrayList<>();
        private final java.util.Map<org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger, Object[]> observers =
                new java.util.concurrent.ConcurrentHashMap<>();

        Namespace(OpcUaServer server) {
            super(server, NS);
            subscriptions = new SubscriptionModel(server, this);
            getLifecycleManager().addLifecycle(subscriptions);
            getLifecycleManager().addStartupTask(this::build);
        }

        private void build() {
            UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId("Points"), newQualifiedName("Points"),
                    LocalizedText.english("Points"));
            getNodeManager().addNode(folder);
            folder.addReference(new Reference(folder.getNodeId(), Identifiers.Organizes, Identifiers.ObjectsFolder.expanded(), false));
            for (int i = 1; i <= count; i++) {
                String code = code(i);
                UaVariableNode v = new UaVariableNode.UaVariableNodeBuilder(getNodeContext()).setNodeId(newNodeId(code))
                        .setAccessLevel(AccessLevel.READ_ONLY).setUserAccessLevel(AccessLevel.READ_ONLY)
                        .setBrowseName(newQualifiedName(code)).setDisplayName(LocalizedText.english(code))
                        .setDataType(Identifiers.Double).setTypeDefinition(Identifiers.BaseDataVariableType).build();
                v.setValue(new DataValue(new Variant(0.0)));
                getNodeManager().addNode(v);
                folder.addOrganizes(v);
                variables.add(v);
            }
        }

        /**
         * Reports every change of a value at once (exception-based, as DCS servers do), not by
         * sampling: a sampler at the same 1 s period as the changes would alias and skip some.
         */
        @Override
        public void onDataItemsCreated(List<DataItem> items) {
            for (DataItem item : items) {
                getNodeManager().getNode(item.getReadValueId().getNodeId()).ifPresent(node -> {
                    if (node instanceof UaVariableNode v && item.getReadValueId().getAttributeId().intValue() == 13) {
                        AttributeObserver o = (n, attribute, value) -> {
                            if (attribute == AttributeId.Value && item.isSamplingEnabled()) {
                                item.setValue((DataValue) value);
                            }
                        };
                        observers.put(item.getId(), new Object[] { v, o });
                        v.addAttributeObserver(o);
                        item.setValue(v.getValue());
                    } else {
                        subscriptions.onDataItemsCreated(List.of(item));
                    }
                });
            }
        }

        @Override
        public void onDataItemsModified(List<DataItem> items) {
            subscriptions.onDataItemsModified(items);
        }

        @Override
        public void onDataItemsDeleted(List<DataItem> items) {
            for (DataItem item : items) {
                Object[] o = observers.remove(item.getId());
                if (o != null) {
                    ((UaVariableNode) o[0]).removeAttributeObserver((AttributeObserver) o[1]);
                }
            }
            subscriptions.onDataItemsDeleted(items);
        }

        @Override
        public void onMonitoringModeChanged(List<MonitoredItem> items) {
            subscriptions.onMonitoringModeChanged(items);
        }
    }
}
