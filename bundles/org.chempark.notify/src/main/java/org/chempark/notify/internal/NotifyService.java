package org.chempark.notify.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.chempark.sdk.notify.Notification;
import org.chempark.sdk.notify.NotificationChannel;
import org.chempark.sdk.notify.Notifier;
import org.chempark.sdk.persistence.SchemaMigrator;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Notifier}: the outbox with its dispatcher (every 2 s, and right after a send), the
 * built-in in-app channel, the {@link NotificationChannel} services (e-mail, SMS, plugins) by
 * ranking, and the log-only channel for every address nothing else accepts.
 */
@Component(service = { Notifier.class, NotifyService.class }, configurationPid = NotifyService.Config.PID)
@Designate(ocd = NotifyService.Config.class)
public class NotifyService implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyService.class);
    static final String[] MIGRATIONS = { "V1__outbox.sql" };

    @ObjectClassDefinition(id = Config.PID, name = "ChemPark notifications 消息通知")
    public @interface Config {
        String PID = "org.chempark.notify";

        @AttributeDefinition(name = "Attempts before a delivery fails 最大重试次数")
        int max_attempts() default 8;

        @AttributeDefinition(name = "First retry after (s); doubles each time, at most 1 h")
        int backoff_s() default 30;
    }

    final Outbox outbox;
    final Inbox inbox;
    private final LogChannel log = new LogChannel();
    private final Map<NotificationChannel, Integer> channels = new ConcurrentHashMap<>();
    private final ScheduledExecutorService dispatcher = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "chempark-notify"));

    @Activate
    public NotifyService(Config config, @Reference SchemaMigrator migrator,
            @Reference(target = "(osgi.jndi.service.name=chempark)") DataSource dataSource) {
        migrator.migrate("notify", NotifyService.class.getClassLoader(), "db/notify", MIGRATIONS);
        Db db = new Db(dataSource);
        this.inbox = new Inbox(db);
        this.outbox = new Outbox(db, Clock.systemUTC(), this::channels, Math.max(1, config.max_attempts()),
                Duration.ofSeconds(Math.max(1, config.backoff_s())));
        dispatcher.scheduleWithFixedDelay(this::dispatch, 1, 2, TimeUnit.SECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChannel(NotificationChannel c, Map<String, Object> props) {
        channels.put(c, props.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0);
    }

    void removeChannel(NotificationChannel c) {
        channels.remove(c);
    }

    /** In-app first, then the channel services by ranking, then log-only. */
    List<NotificationChannel> channels() {
        List<NotificationChannel> l = new ArrayList<>();
        l.add(inbox);
        channels.entrySet().stream().sorted(Map.Entry.<NotificationChannel, Integer>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> l.add(e.getKey()));
        l.add(log);
        return l;
    }

    @Override
    public long send(Notification notification) {
        long id = outbox.send(notification);
        dispatcher.execute(this::dispatch);
        return id;
    }

    private void dispatch() {
        try {
            while (outbox.dispatch() > 0) {
                // more may be due
            }
        } catch (RuntimeException e) {
            LOG.warn("Notification dispatch failed: {}", e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        dispatcher.shutdownNow();
    }
}
