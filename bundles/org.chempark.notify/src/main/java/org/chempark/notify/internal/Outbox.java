package org.chempark.notify.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.chempark.sdk.notify.Notification;
import org.chempark.sdk.notify.NotificationChannel;
import org.chempark.sdk.notify.NotificationChannel.Delivery;
import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.security.DataScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox: a notification is stored with one delivery per recipient in one transaction; a
 * dispatcher then leases due deliveries ({@code FOR UPDATE SKIP LOCKED}, so two dispatchers never
 * send the same one), hands each to the first channel that accepts its address, and records the
 * outcome. A failed attempt is retried with exponential back-off until {@code maxAttempts}, then
 * the delivery is FAILED. Every attempt is recorded.
 */
final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    /** A leased delivery not finished within this time (a crash) becomes due again. */
    static final Duration LEASE = Duration.ofMinutes(5);

    record DeliveryRow(long id, long outboxId, String recipient, String status, String channel, int attempts, Instant nextAttemptAt,
            String lastError, String detail, Instant deliveredAt) {
    }

    record OutboxRow(long id, String category, String subject, String body, Long enterpriseId, String reference, Instant createdAt,
            List<DeliveryRow> deliveries) {
    }

    private final Db db;
    private final Clock clock;
    private final Supplier<List<NotificationChannel>> channels;
    private final int maxAttempts;
    private final Duration backoff;

    Outbox(Db db, Clock clock, Supplier<List<NotificationChannel>> channels, int maxAttempts, Duration backoff) {
        this.db = db;
        this.clock = clock;
        this.channels = channels;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    long send(Notification n) {
        Instant now = clock.instant();
        return db.tx(c -> {
            long id = Db.insert(c, "INSERT INTO notify.outbox (category, subject, body, enterprise_id, reference, created_at) VALUES (?,?,?,?,?,?)",
                    n.category(), n.subject(), n.body(), n.enterpriseId(), n.reference(), now);
            for (String r : new java.util.LinkedHashSet<>(n.recipients())) {
                Db.update(c, "INSERT INTO notify.delivery (outbox_id, recipient, next_attempt_at) VALUES (?,?,?)", id, r, now);
            }
            return id;
        });
    }

    /** Delay before attempt {@code attempt + 1} after {@code attempt} failed: backoff × 2^(attempt−1), at most one hour. */
    Duration delayAfter(int attempt) {
        long factor = 1L << Math.min(20, Math.max(0, attempt - 1));
        Duration d = backoff.multipliedBy(factor);
        return d.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : d;
    }

    /**
     * Delivers what is due now.
     *
     * @return how many deliveries were attempted
     */
    int dispatch() {
        Instant now = clock.instant();
        List<Object[]> due = db.tx(c -> Db.list(c, "UPDATE notify.delivery d SET next_attempt_at = ? FROM notify.outbox o "
                + "WHERE d.id IN (SELECT id FROM notify.delivery WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at "
                + "LIMIT 50 FOR UPDATE SKIP LOCKED) AND o.id = d.outbox_id RETURNING d.id, d.recipient, d.attempts, o.id, o.category, o.subject, "
                + "o.body, o.enterprise_id, o.reference", rs -> new Object[] { rs.getLong(1), rs.getString(2), rs.getInt(3),
                        new Notification(rs.getString(5), rs.getString(6), rs.getString(7), List.of(rs.getString(2)),
                                Db.longOrNull(rs, "enterprise_id"), rs.getString(9)), rs.getLong(4) }, now.plus(LEASE), now));
        for (Object[] d : due) {
            long id = (Long) d[0];
            String recipient = (String) d[1];
            int attempt = (Integer) d[2] + 1;
            Notification n = (Notification) d[3];
            NotificationChannel ch = channels.get().stream().filter(x -> x.accepts(recipient)).findFirst().orElse(null);
            String channelId = ch == null ? "none" : ch.id();
            try {
                if (ch == null) {
                    throw new IllegalStateException("no channel accepts '" + recipient + "'");
                }
                Delivery r = ch.deliver((Long) d[4], n, recipient);
                Instant at = clock.instant();
                db.tx(c -> {
                    Db.update(c, "UPDATE notify.delivery SET status = ?, channel = ?, attempts = ?, detail = ?, delivered_at = ?, last_error = NULL "
                            + "WHERE id = ?", r.outcome().name(), channelId, attempt, r.detail(), at, id);
                    Db.update(c, "INSERT INTO notify.delivery_attempt (delivery_id, at, channel, outcome, detail) VALUES (?,?,?,?,?)", id, at,
                            channelId, r.outcome().name(), r.detail());
                    return null;
                });
            } catch (Exception e) {
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                boolean last = attempt >= maxAttempts;
                Instant at = clock.instant();
                Instant next = at.plus(delayAfter(attempt));
                LOG.warn("Delivery {} to {} over {} failed (attempt {} of {}){}: {}", id, recipient, channelId, attempt, maxAttempts,
                        last ? ", giving up" : ", next at " + next, error);
                db.tx(c -> {
                    Db.update(c, "UPDATE notify.delivery SET status = ?, channel = ?, attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?",
                            last ? "FAILED" : "PENDING", channelId, attempt, error, next, id);
                    Db.update(c, "INSERT INTO notify.delivery_attempt (delivery_id, at, channel, outcome, detail) VALUES (?,?,?,?,?)", id, at,
                            channelId, "ERROR", error);
                    return null;
                });
            }
        }
        return due.size();
    }

    Page<OutboxRow> outbox(PageQuery q, String status) {
        String where = DataScope.current().sqlPredicate("o.enterprise_id")
                + (DataScope.current().unrestricted() ? "" : " AND o.enterprise_id IS NOT NULL")
                + (status == null ? "" : " AND EXISTS (SELECT 1 FROM notify.delivery d WHERE d.outbox_id = o.id AND d.status = ?)");
        Object[] p = status == null ? new Object[0] : new Object[] { status };
        return db.tx(c -> {
            long total = Db.list(c, "SELECT count(*) FROM notify.outbox o WHERE " + where, rs -> rs.getLong(1), p).get(0);
            List<Object> p2 = new ArrayList<>(List.of(p));
            p2.add(q.size());
            p2.add(q.offset());
            List<OutboxRow> rows = new ArrayList<>();
            for (OutboxRow o : Db.list(c, "SELECT * FROM notify.outbox o WHERE " + where + " ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?",
                    rs -> new OutboxRow(rs.getLong("id"), rs.getString("category"), rs.getString("subject"), rs.getString("body"),
                            Db.longOrNull(rs, "enterprise_id"), rs.getString("reference"), Db.instant(rs, "created_at"), List.of()), p2.toArray())) {
                rows.add(new OutboxRow(o.id(), o.category(), o.subject(), o.body(), o.enterpriseId(), o.reference(), o.createdAt(),
                        deliveries(c, o.id())));
            }
            return new Page<>(rows, total, q.page(), q.size());
        });
    }

    OutboxRow one(long id) {
        OutboxRow o = db.tx(c -> {
            List<OutboxRow> l = Db.list(c, "SELECT * FROM notify.outbox WHERE id = ?", rs -> new OutboxRow(rs.getLong("id"), rs.getString("category"),
                    rs.getString("subject"), rs.getString("body"), Db.longOrNull(rs, "enterprise_id"), rs.getString("reference"),
                    Db.instant(rs, "created_at"), deliveries(c, id)), id);
            return l.isEmpty() ? null : l.get(0);
        });
        if (o == null || (!DataScope.current().unrestricted() && !DataScope.current().allows(o.enterpriseId()))) {
            throw ProblemException.notFound("notification", id);
        }
        return o;
    }

    List<Map<String, Object>> attempts(long deliveryId) {
        return db.tx(c -> Db.list(c, "SELECT at, channel, outcome, detail FROM notify.delivery_attempt WHERE delivery_id = ? ORDER BY id",
                rs -> Map.<String, Object>of("at", Db.instant(rs, "at"), "channel", rs.getString(2), "outcome", rs.getString(3),
                        "detail", rs.getString(4) == null ? "" : rs.getString(4)), deliveryId));
    }

    private static List<DeliveryRow> deliveries(java.sql.Connection c, long outboxId) throws java.sql.SQLException {
        return Db.list(c, "SELECT * FROM notify.delivery WHERE outbox_id = ? ORDER BY id", rs -> new DeliveryRow(rs.getLong("id"),
                rs.getLong("outbox_id"), rs.getString("recipient"), rs.getString("status"), rs.getString("channel"), rs.getInt("attempts"),
                Db.instant(rs, "next_attempt_at"), rs.getString("last_error"), rs.getString("detail"), Db.instant(rs, "delivered_at")), outboxId);
    }

    /** Delivery counts by status and channel. */
    List<Map<String, Object>> statistics() {
        return db.tx(c -> Db.list(c, "SELECT d.status, coalesce(d.channel, '-'), count(*) FROM notify.delivery d JOIN notify.outbox o ON o.id = d.outbox_id "
                + "WHERE " + DataScope.current().sqlPredicate("o.enterprise_id") + " GROUP BY 1, 2 ORDER BY 1, 2",
                rs -> Map.<String, Object>of("status", rs.getString(1), "channel", rs.getString(2), "count", rs.getLong(3))));
    }
}
