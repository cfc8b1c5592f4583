package org.chempark.bridge.mqtt.internal;

import org.chempark.sdk.telemetry.ReadingSink;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Runs the {@link IngestLoop} while both the broker and the telemetry module's {@link ReadingSink}
 * are there. Without a sink, messages wait durably in the broker's ingest queue. Uses the highest
 * ranked sink (greedy: a higher ranked one registered later takes over; unacknowledged batches
 * are delivered again to it).
 */
@Component(service = MqttIngest.class, immediate = true)
public class MqttIngest {
    private final IngestLoop loop;

    @Activate
    public MqttIngest(@Reference MqttBroker broker, @Reference(policyOption = ReferencePolicyOption.GREEDY) ReadingSink sink, @Reference DeviceRegistry registry) {
        IngestLoop.Tuning d = IngestLoop.Tuning.defaults();
        loop = new IngestLoop(broker.runtime(), sink, registry,
                new IngestLoop.Tuning(broker.ingestWorkers(), broker.ingestBatchMessages(), d.maxReadings(), d.lingerMillis(), d.sinkTimeoutSeconds()));
        loop.start();
    }

    public IngestLoop loop() {
        return loop;
    }

    @Deactivate
    void deactivate() {
        loop.close();
    }
}
