package org.chempark.bridge.opcua.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingSink;

/** The ingest pipeline's entry as the bridge sees it: records what it was handed. */
final class CollectingSink implements ReadingSink {
    final LinkedBlockingQueue<Reading> readings = new LinkedBlockingQueue<>();

    @Override
    public CompletionStage<IngestReceipt> submit(List<Reading> batch) {
        readings.addAll(batch);
        return CompletableFuture.completedFuture(new IngestReceipt(batch.size(), 0, 0));
    }

    @Override
    public void rejectPayload(String source, String reason, byte[] payload) {
        throw new AssertionError("the OPC UA bridge has no payloads to reject: " + reason);
    }
}
