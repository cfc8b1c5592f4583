package org.chempark.bridge.mqtt.internal;

import java.nio.file.Path;
import java.util.List;

import org.apache.activemq.artemis.spi.core.protocol.ProtocolManagerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the embedded Artemis MQTT broker while the chempark-mqtt feature is installed. */
@Component(service = MqttBroker.class, immediate = true, configurationPid = MqttBroker.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MqttBroker.Config.class)
public class MqttBroker {
    public static final String PID = "org.chempark.bridge.mqtt";
    private static final Logger LOG = LoggerFactory.getLogger(MqttBroker.class);

    @ObjectClassDefinition(name = "ChemPark MQTT broker MQTT 接入代理", description = "Embedded ActiveMQ Artemis broker for devices and edge gateways")
    public @interface Config {
        @AttributeDefinition(name = "Listen address 监听地址")
        String host() default "0.0.0.0";

        @AttributeDefinition(name = "MQTT port 端口")
        int port() default 1883;

        @AttributeDefinition(name = "Data folder 数据目录", description = "Journal, bindings and paging; empty: ${karaf.data}/artemis-mqtt")
        String dataDir() default "";

        @AttributeDefinition(name = "Sync the journal 同步写盘", description = "A PUBACK only after the message is on disk. Turn off only for tests.")
        boolean journalSync() default true;

        @AttributeDefinition(name = "Ingest workers 入库线程数", description = "Parallel consumers of the ingest queue; each waits until its batch is committed")
        int ingestWorkers() default 8;

        @AttributeDefinition(name = "Messages per ingest batch 每批消息数", description = "Most messages one worker takes into one PostgreSQL and broker transaction")
        int ingestBatchMessages() default 1000;
    }

    private final BrokerRuntime runtime;
    private final Config config;

    @Activate
    public MqttBroker(Config config, @Reference DeviceRegistry registry,
            @Reference(target = "(component.name=org.apache.activemq.artemis.core.protocol.mqtt.MQTTProtocolManagerFactory)") ProtocolManagerFactory mqtt)
            throws Exception {
        this.config = config;
        String dir = config.dataDir().isBlank() ? System.getProperty("karaf.data", "data") + "/artemis-mqtt" : config.dataDir();
        BrokerRuntime r = new BrokerRuntime(new BrokerRuntime.Settings(config.host(), config.port(), Path.of(dir),
                config.journalSync(), 0), registry, List.of(mqtt));
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(BrokerRuntime.class.getClassLoader());
        try {
            r.start();
        } finally {
            Thread.currentThread().setContextClassLoader(tccl);
        }
        this.runtime = r;
        LOG.info("MQTT broker listening on {}:{} (journal in {}, sync {})", config.host(), config.port(), dir, config.journalSync());
    }

    public BrokerRuntime runtime() {
        return runtime;
    }

    int ingestWorkers() {
        return Math.max(1, config.ingestWorkers());
    }

    int ingestBatchMessages() {
        return Math.max(1, config.ingestBatchMessages());
    }

    @Deactivate
    void deactivate() throws Exception {
        runtime.close();
        LOG.info("MQTT broker stopped");
    }
}
