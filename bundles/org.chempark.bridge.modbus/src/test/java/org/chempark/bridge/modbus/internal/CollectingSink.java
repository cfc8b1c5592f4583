package org.chempark.bridge.modbus.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingSink;

/** The receiving end for tests and the benchmark: keeps every reading it is handed. */
public class CollectingSink implements ReadingSink {
    public final List<List<Reading>> batches = new CopyOnWriteArrayList<>();
    public volatile boolean keep = true;

    @Override
    public CompletionStage<IngestReceipt> submit(List<Reading> readings) {
        if (keep) {
            batches.add(List.copyOf(readings));
        }
        return CompletableFuture.completedFuture(new IngestReceipt(readings.size(), 0, 0));
    }

    @Override
    public void rejectPayload(String source, String reason, byte[] payload) {
        throw new UnsupportedOperationException("the Modbus bridge does not reject payloads");
    }

    public List<Reading> last() {
        return batches.isEmpty() ? List.of() : batches.get(batches.size() - 1);
    }
}
