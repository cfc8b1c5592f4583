package org.chempark.notify.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.chempark.sdk.notify.Notification;
import org.chempark.sdk.notify.NotificationChannel;
import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.security.OrganisationType;
import org.chempark.sdk.security.Subject;

/**
 * The in-app channel: stores the message for its address ({@code user:}, {@code role:},
 * {@code enterprise:}); a user's inbox holds the messages of every address that designates them.
 */
final class Inbox implements NotificationChannel {
    record Message(long id, long outboxId, String recipient, String category, String subject, String body, String reference, Instant createdAt,
            boolean read) {
    }

    private final Db db;

    Inbox(Db db) {
        this.db = db;
    }

    @Override
    public String id() {
        return "in-app";
    }

    @Override
    public boolean accepts(String recipient) {
        return recipient.startsWith("user:") || recipient.startsWith("role:") || recipient.startsWith("enterprise:");
    }

    @Override
    public Delivery deliver(long outboxId, Notification n, String recipient) {
        long id = db.tx(c -> Db.list(c, "INSERT INTO notify.inbox (outbox_id, recipient) VALUES (?,?) ON CONFLICT (outbox_id, recipient) "
                + "DO UPDATE SET recipient = excluded.recipient RETURNING id", rs -> rs.getLong(1), outboxId, recipient).get(0));
        return new Delivery(Outcome.DELIVERED, "inbox message " + id);
    }

    /** The addresses that designate this user. */
    static List<String> addresses(Subject s) {
        List<String> a = new ArrayList<>();
        a.add("user:" + s.userId());
        s.roles().forEach(r -> a.add("role:" + r));
        if (s.organisationType() == OrganisationType.ENTERPRISE && s.enterpriseId() != null) {
            a.add("enterprise:" + s.enterpriseId());
        }
        return a;
    }

    Page<Message> list(Subject me, PageQuery q, boolean unreadOnly) {
        String[] addr = addresses(me).toArray(String[]::new);
        return db.tx(c -> {
            java.sql.Array arr = c.createArrayOf("text", addr);
            String where = "i.recipient = ANY (?)" + (unreadOnly ? " AND r.user_id IS NULL" : "");
            String from = "FROM notify.inbox i JOIN notify.outbox o ON o.id = i.outbox_id "
                    + "LEFT JOIN notify.inbox_read r ON r.inbox_id = i.id AND r.user_id = ? WHERE " + where;
            long total = Db.list(c, "SELECT count(*) " + from, rs -> rs.getLong(1), me.userId(), arr).get(0);
            List<Message> items = Db.list(c, "SELECT i.id, o.id, i.recipient, o.category, o.subject, o.body, o.reference, i.created_at, r.user_id "
                    + from + " ORDER BY i.created_at DESC, i.id DESC LIMIT ? OFFSET ?", rs -> new Message(rs.getLong(1), rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), Db.instant(rs, "created_at"),
                            rs.getObject(9) != null), me.userId(), arr, q.size(), q.offset());
            return new Page<>(items, total, q.page(), q.size());
        });
    }

    void markRead(Subject me, long inboxId) {
        String[] addr = addresses(me).toArray(String[]::new);
        db.tx(c -> {
            List<Long> mine = Db.list(c, "SELECT id FROM notify.inbox WHERE id = ? AND recipient = ANY (?)", rs -> rs.getLong(1), inboxId,
                    c.createArrayOf("text", addr));
            if (mine.isEmpty()) {
                throw ProblemException.notFound("message", inboxId);
            }
            Db.update(c, "INSERT INTO notify.inbox_read (inbox_id, user_id) VALUES (?,?) ON CONFLICT DO NOTHING", inboxId, me.userId());
            return null;
        });
    }
}
