package org.chempark.sdk.telemetry;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The entry of the ingest pipeline, offered as an OSGi service by the telemetry module. Every
 * protocol bridge (OPC UA, Modbus, MQTT, edge gateways, plugins) hands its readings here.
 *
 * <p>The returned stage completes when every reading of the batch is durable in PostgreSQL
 * (or was put in the dead-letter store with a reason), and fails when they could not be stored;
 * a bridge must acknowledge readings to its publisher (e.g. an MQTT PUBACK or a broker
 * message acknowledgement) only after it completed. Readings of points unknown to the asset
 * model are counted and listed, not silently dropped.
 */
public interface ReadingSink {
    /**
     * Submits readings from one source. Never blocks for longer than back-pressure requires.
     *
     * @param readings readings, any number of points, in any order
     * @return completes with the receipt when the batch is durable
     */
    CompletionStage<IngestReceipt> submit(List<Reading> readings);

    /**
     * Records a payload a bridge could not turn into readings (malformed JSON, wrong register
     * count …) in the dead-letter store, with its reason, and counts it. Durable when it returns.
     *
     * @param source  the source id, e.g. {@code mqtt:gw-7}
     * @param reason  what was wrong, for the person who reads the dead-letter list
     * @param payload the payload as received (stored up to a size limit)
     */
    void rejectPayload(String source, String reason, byte[] payload);

    /**
     * What became of a submitted batch.
     *
     * @param accepted  readings stored (and evaluated against limits)
     * @param unknown   readings of points the asset model does not know (counted and listed)
     * @param rejected  readings rejected by validation (in the dead-letter store with their reason)
     */
    record IngestReceipt(int accepted, int unknown, int rejected) {
    }
}
