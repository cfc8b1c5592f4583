package org.chempark.sdk.notify;

/**
 * Delivers notifications to one kind of recipient address (SPI). Register implementations as
 * OSGi services; the outbox picks, for each recipient, the channel that
 * {@linkplain #accepts accepts} it (highest {@code service.ranking} first).
 *
 * <p>A channel must not pretend: when it could not deliver it throws (the outbox retries), and
 * when it only wrote the message to the log it says so with {@link Outcome#LOGGED}.
 */
public interface NotificationChannel {
    /** Stable id, e.g. {@code in-app}, {@code email}, {@code sms}, {@code log}. */
    String id();

    /** Whether this channel delivers to {@code recipient} (e.g. {@code mailto:} addresses). */
    boolean accepts(String recipient);

    /**
     * Delivers one notification to one recipient.
     *
     * @param outboxId the notification's outbox id (for idempotency and references)
     * @return what happened, with a detail for the delivery record (e.g. the SMTP reply)
     * @throws Exception when delivery failed and should be retried
     */
    Delivery deliver(long outboxId, Notification notification, String recipient) throws Exception;

    /** What became of one delivery. */
    enum Outcome {
        /** handed to the recipient's system (SMTP server accepted, gateway answered 2xx, inbox stored) */
        DELIVERED,
        /** only written to the log: no real channel is configured for this recipient */
        LOGGED
    }

    /** The result of a delivery, with a detail for the record. */
    record Delivery(Outcome outcome, String detail) {
    }
}
