package org.chempark.telemetry.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.chempark.sdk.camel.Routes;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingSink;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Camel entry of the pipeline for bridges written as routes: {@value Routes#INGEST_ENDPOINT}
 * takes a {@code List<Reading>} body (one exchange per batch, never per reading) and replies
 * with the {@link ReadingSink.IngestReceipt} once the batch is durable;
 * {@value #REJECT_ENDPOINT} stores its body (bytes or text) as a dead letter with the headers
 * {@value #SOURCE_HEADER} and {@value #REASON_HEADER}.
 */
@Component(service = RoutesBuilder.class, property = Routes.MODULE + "=" + TelemetryModule.ID)
public class IngestRoutes extends RouteBuilder {
    static final String REJECT_ENDPOINT = "direct-vm:chempark.telemetry.reject";
    static final String SOURCE_HEADER = "ChemParkSource", REASON_HEADER = "ChemParkReason";

    private final ReadingSink sink;

    @Activate
    public IngestRoutes(@Reference ReadingSink sink) {
        this.sink = sink;
    }

    @Override
    public void configure() {
        from(Routes.INGEST_ENDPOINT).routeId(TelemetryModule.ID + ".ingest").process(e -> {
            @SuppressWarnings("unchecked")
            List<Reading> readings = e.getMessage().getMandatoryBody(List.class);
            e.getMessage().setBody(sink.submit(readings).toCompletableFuture().get(60, TimeUnit.SECONDS));
        });
        from(REJECT_ENDPOINT).routeId(TelemetryModule.ID + ".reject").process(e -> {
            byte[] payload = e.getMessage().getBody(byte[].class);
            sink.rejectPayload(e.getMessage().getHeader(SOURCE_HEADER, "?", String.class),
                    e.getMessage().getHeader(REASON_HEADER, "unspecified", String.class), payload);
        });
    }
}
