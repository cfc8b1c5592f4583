package org.chempark.notify.internal;

import org.chempark.sdk.notify.Notification;
import org.chempark.sdk.notify.NotificationChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default channel for any address no real channel accepts (e-mail and SMS until they are
 * configured): writes the message to the log and records the delivery as LOGGED, never as
 * delivered.
 */
final class LogChannel implements NotificationChannel {
    private static final Logger LOG = LoggerFactory.getLogger("org.chempark.notify.log-channel");

    @Override
    public String id() {
        return "log";
    }

    @Override
    public boolean accepts(String recipient) {
        return true;
    }

    @Override
    public Delivery deliver(long outboxId, Notification n, String recipient) {
        LOG.info("Notification {} to {} (no channel configured for it, logged only): {} — {}", outboxId, recipient, n.subject(), n.body());
        return new Delivery(Outcome.LOGGED, "no channel configured for " + recipient.substring(0, recipient.indexOf(':') + 1)
                + " recipients; written to the log only");
    }
}
