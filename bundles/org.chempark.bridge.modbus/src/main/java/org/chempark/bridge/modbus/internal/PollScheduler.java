package org.chempark.bridge.modbus.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The few threads every Modbus device is polled on (not one thread per device). Polls are
 * blocking request/response exchanges of a few milliseconds; an unreachable device backs off,
 * so it does not hold a thread for long.
 */
@Component(service = PollScheduler.class, configurationPid = PollScheduler.PID)
@Designate(ocd = PollScheduler.Config.class)
public class PollScheduler {
    static final String PID = "org.chempark.bridge.modbus.scheduler";

    @ObjectClassDefinition(id = PID, name = "ChemPark Modbus poll scheduler")
    public @interface Config {
        @AttributeDefinition(name = "Threads", min = "1", max = "64", description = "Threads shared by all Modbus devices")
        int threads() default 4;
    }

    private final ScheduledThreadPoolExecutor executor;

    @Activate
    public PollScheduler(Config config) {
        this(config.threads());
    }

    public PollScheduler(int threads) {
        AtomicInteger n = new AtomicInteger();
        executor = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "modbus-poll-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    public ScheduledFuture<?> everyMillis(Runnable task, long periodMs) {
        return executor.scheduleAtFixedRate(task, 0, periodMs, TimeUnit.MILLISECONDS);
    }

    ScheduledExecutorService executor() {
        return executor;
    }

    @Deactivate
    public void close() {
        executor.shutdownNow();
    }
}
