import java.util.Map;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnectorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The ceiling for bench/mqtt-ingest.sh: a bare Artemis broker of the platform's version with its
 * stock defaults (no security, persistent journal synced before PUBACK like the platform's), an
 * MQTT acceptor, one durable queue on chempark.v1.*.readings and an in-VM consumer that only
 * acknowledges (auto-ack, batched) — the broker's own work without parsing or storing readings.
 *
 *   java -cp <artemis jars> BareBroker.java <port> <data dir>
 */
public class BareBroker {
    public static void main(String[] a) throws Exception {
        int port = Integer.parseInt(a[0]);
        String dir = a[1];
        ConfigurationImpl c = new ConfigurationImpl();
        c.setPersistenceEnabled(true);
        c.setSecurityEnabled(false);
        c.setJMXManagementEnabled(false);
        c.setJournalType(JournalType.NIO);
        c.setJournalDirectory(dir + "/journal");
        c.setBindingsDirectory(dir + "/bindings");
        c.setPagingDirectory(dir + "/paging");
        c.setLargeMessagesDirectory(dir + "/large");
        c.setNodeManagerLockDirectory(dir);
        c.setJournalSyncNonTransactional(true);
        c.setJournalSyncTransactional(true);
        c.addAcceptorConfiguration(new TransportConfiguration(NettyAcceptorFactory.class.getName(),
                Map.of("host", "127.0.0.1", "port", port, "protocols", "MQTT", "tcpNoDelay", "true"), "mqtt"));
        c.addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName(), Map.of("serverId", 7), "invm"));
        c.addAddressSetting("#", new AddressSettings().setAutoCreateAddresses(true).setAutoCreateQueues(false).setMaxSizeBytes(-1));
        c.addQueueConfiguration(QueueConfiguration.of("ingest").setAddress("chempark.v1.*.readings")
                .setRoutingType(RoutingType.MULTICAST).setDurable(true));
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(c);
        broker.start();
        ServerLocator locator = ActiveMQClient.createServerLocatorWithoutHA(
                new TransportConfiguration(InVMConnectorFactory.class.getName(), Map.of("serverId", 7)));
        locator.setConsumerWindowSize(8 * 1024 * 1024);
        locator.setAckBatchSize(1024 * 1024);
        ClientSessionFactory sf = locator.createSessionFactory();
        ClientSession s = sf.createSession(true, true);
        ClientConsumer consumer = s.createConsumer("ingest");
        consumer.setMessageHandler(m -> {
            try {
                m.acknowledge();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        s.start();
        System.out.println("bare Artemis " + org.apache.activemq.artemis.utils.VersionLoader.getVersion().getFullVersion()
                + " MQTT on 127.0.0.1:" + port + " READY");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.stop();
            } catch (Exception e) {
                // ignore
            }
        }));
        Thread.currentThread().join();
    }
}
