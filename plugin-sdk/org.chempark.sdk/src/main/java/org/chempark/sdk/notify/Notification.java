package org.chempark.sdk.notify;

import java.util.List;
import java.util.Objects;

/**
 * A message to people, handed to the {@link Notifier}.
 *
 * <p>Recipients are addresses with a scheme, so one notification can reach people in the
 * platform and outside it:
 * <ul>
 * <li>{@code user:<id>}, {@code role:<code>}, {@code enterprise:<id>} – the in-app inbox of those users;</li>
 * <li>{@code mailto:<address>} – e-mail;</li>
 * <li>{@code sms:<mobile>} – text message through the SMS gateway.</li>
 * </ul>
 *
 * @param category     what kind of message, e.g. {@code risk.warning}, {@code hazard.duty-overdue}
 * @param subject      short text (zh-CN first)
 * @param body         the message
 * @param recipients   addresses as above; at least one
 * @param enterpriseId the enterprise the message is about (null: park-level)
 * @param reference    what it refers to, e.g. {@code risk/warning/17}
 */
public record Notification(String category, String subject, String body, List<String> recipients, Long enterpriseId,
        String reference) {
    public Notification {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(subject, "subject");
        body = body == null ? "" : body;
        recipients = List.copyOf(recipients == null ? List.of() : recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a notification needs at least one recipient");
        }
        for (String r : recipients) {
            if (r == null || r.indexOf(':') <= 0) {
                throw new IllegalArgumentException("recipient must be <scheme>:<address>, got " + r);
            }
        }
    }
}
