package org.chempark.sdk.notify;

/**
 * The notification outbox, offered as an OSGi service by the notify module. {@link #send} stores
 * the notification durably and returns; delivery happens afterwards through the
 * {@link NotificationChannel}s, retried with back-off, and every attempt is recorded.
 */
public interface Notifier {
    /**
     * Puts a notification in the outbox.
     *
     * @return the outbox id of the notification
     */
    long send(Notification notification);
}
