package org.chempark.sdk.example.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.chempark.sdk.camel.Routes;
import org.osgi.service.component.annotations.Component;

/** A route supplier: a timer that counts ticks; the REST resource reports the count. */
@Component(service = { RoutesBuilder.class, TickRoutes.class }, property = Routes.MODULE + "=" + ExampleModule.ID)
public class TickRoutes extends RouteBuilder {
    static final String ROUTE_ID = ExampleModule.ID + ".tick";
    private final AtomicLong ticks = new AtomicLong();

    @Override
    public void configure() {
        from("timer:" + ROUTE_ID + "?period=100").routeId(ROUTE_ID).process(e -> ticks.incrementAndGet());
    }

    long ticks() {
        return ticks.get();
    }
}
