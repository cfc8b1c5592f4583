package org.chempark.bridge.mqtt.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnectorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.security.impl.SecurityStoreImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.impl.ActiveMQServerImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.protocol.ProtocolManagerFactory;

/**
 * The embedded Artemis broker: one MQTT acceptor for devices, one in-VM acceptor for the
 * platform's consumer, a persistent journal synced before a PUBACK, and one durable queue
 * {@value #INGEST_QUEUE} bound to the wildcard address of every device topic.
 * Plain Java, so unit tests and the benchmark run the very same broker outside OSGi.
 */
public final class BrokerRuntime implements AutoCloseable {
    public static final String INGEST_QUEUE = "chempark.mqtt.ingest";
    /** Wildcard address matching {@code chempark/v1/+/readings}. */
    public static final String INGEST_ADDRESS = "chempark.v1.*.readings";
    static final String PLATFORM_USER = "chempark-platform";
    private static final int INVM_ID = 1883;

    /** Broker settings. {@code host}/{@code port}: MQTT listener; {@code dataDir}: journal, bindings, paging. */
    public record Settings(String host, int port, Path dataDir, boolean journalSync, int maxInflightPerConnection) {
    }

    private final ActiveMQServer server;
    private final String platformPassword = Secrets.generate();
    private final Settings settings;
    private final DeviceRegistry registry;
    private final Runnable invalidateSecurityCaches;

    public BrokerRuntime(Settings settings, DeviceRegistry registry, List<ProtocolManagerFactory> protocols) throws Exception {
        this.settings = settings;
        this.registry = registry;
        Configuration c = new ConfigurationImpl();
        c.setName("chempark-mqtt");
        c.setPersistenceEnabled(true);
        c.setSecurityEnabled(true);
        c.setJMXManagementEnabled(false);
        c.setJournalType(JournalType.NIO);
        c.setJournalDirectory(settings.dataDir().resolve("journal").toString());
        c.setBindingsDirectory(settings.dataDir().resolve("bindings").toString());
        c.setPagingDirectory(settings.dataDir().resolve("paging").toString());
        c.setLargeMessagesDirectory(settings.dataDir().resolve("large-messages").toString());
        c.setNodeManagerLockDirectory(settings.dataDir().toString());
        c.setJournalSyncNonTransactional(settings.journalSync());
        c.setJournalSyncTransactional(settings.journalSync());
        c.setJournalFileSize(10 * 1024 * 1024);
        c.setJournalMinFiles(4);
        c.setJournalPoolFiles(10);
        c.setJournalBufferSize_NIO(2 * 1024 * 1024);
        c.setJournalMaxIO_NIO(1);
        c.setGracefulShutdownEnabled(true);
        c.setGracefulShutdownTimeout(5000);
        c.setSecurityInvalidationInterval(10_000);
        c.setMaxDiskUsage(98);
        c.setGlobalMaxSize(128L * 1024 * 1024);
        // MQTT listener for devices: only the MQTT protocol
        c.addAcceptorConfiguration(new TransportConfiguration(NettyAcceptorFactory.class.getName(), Map.of(
                "host", settings.host(), "port", settings.port(), "protocols", "MQTT",
                "useEpoll", "true", "tcpNoDelay", "true", "defaultMqttSessionExpiryInterval", "86400"), "mqtt"));
        // the platform's own consumer, in the same JVM
        c.addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName(),
                Map.of("serverId", INVM_ID), "invm"));

        AddressSettings all = new AddressSettings().setAutoCreateAddresses(true).setAutoCreateQueues(false)
                .setAutoDeleteAddresses(true).setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setMaxSizeBytes(-1);
        c.addAddressSetting("#", all);
        // the ingest queue never gives up on a message: it is acknowledged only when stored
        c.addAddressSetting(INGEST_ADDRESS, new AddressSettings().setAutoCreateAddresses(true).setAutoCreateQueues(false)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE).setMaxSizeBytes(64L * 1024 * 1024)
                .setMaxDeliveryAttempts(-1).setRedeliveryDelay(1000).setRedeliveryMultiplier(2).setMaxRedeliveryDelay(30_000));
        c.addQueueConfiguration(QueueConfiguration.of(INGEST_QUEUE).setAddress(INGEST_ADDRESS)
                .setRoutingType(RoutingType.MULTICAST).setDurable(true).setAutoCreated(false));

        // one cumulative acknowledgement per ingest batch instead of one per message
        c.registerBrokerPlugin(new DefaultPriority());

        DeviceSecurityManager security = new DeviceSecurityManager(registry, PLATFORM_USER, platformPassword);
        server = new ActiveMQServerImpl(c, security);
        for (ProtocolManagerFactory f : protocols) {
            server.addProtocolManagerFactory(f);
        }
        // a changed, disabled or removed device must not keep a cached login or permission
        invalidateSecurityCaches = () -> {
            if (server.getSecurityStore() instanceof SecurityStoreImpl store) {
                store.invalidateAuthenticationCache();
                store.invalidateAuthorizationCache();
            }
        };
        registry.addChangeListener(invalidateSecurityCaches);
    }

    public void start() throws Exception {
        server.start();
        if (!server.waitForActivation(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("Artemis did not become active within 30 s");
        }
    }

    public ActiveMQServer server() {
        return server;
    }

    public Settings settings() {
        return settings;
    }

    /** The port the MQTT acceptor listens on. */
    public int port() {
        return settings.port();
    }

    /** Messages waiting in the ingest queue (not yet durable in PostgreSQL). */
    public long backlog() {
        var q = server.locateQueue(SimpleString.of(INGEST_QUEUE));
        return q == null ? -1 : q.getMessageCount();
    }

    /** A locator for the in-VM acceptor; sessions must log in with {@link #platformUser()} / {@link #platformPassword()}. */
    public ServerLocator inVmLocator() {
        return ActiveMQClient.createServerLocatorWithoutHA(new TransportConfiguration(InVMConnectorFactory.class.getName(),
                Map.of("serverId", INVM_ID)));
    }

    public String platformUser() {
        return PLATFORM_USER;
    }

    public String platformPassword() {
        return platformPassword;
    }

    @Override
    public void close() throws Exception {
        registry.removeChangeListener(invalidateSecurityCaches);
        server.stop();
    }
}
