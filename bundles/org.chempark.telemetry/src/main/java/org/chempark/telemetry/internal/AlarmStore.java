package org.chempark.telemetry.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.security.DataScope;

/** JDBC access to {@code telemetry.alarm} and {@code telemetry.alarm_event}. */
public final class AlarmStore {
    private static final String COLUMNS = "id, point_id, point_code, unit_id, enterprise_id, kind, priority, value, limit_value, raised_at, "
            + "active, cleared_at, cleared_value, acked_at, acked_by, ack_reason, shelved_until, shelved_by, shelve_reason, version";

    private final DataSource dataSource;

    public AlarmStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Inserts a new active alarm and its RAISED event; returns it with its id. */
    static Alarm insert(Connection c, Alarm a, String reason) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO telemetry.alarm (point_id, point_code, unit_id, enterprise_id, kind, priority, "
                + "value, limit_value, raised_at) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id")) {
            ps.setLong(1, a.pointId());
            ps.setString(2, a.pointCode());
            ps.setObject(3, a.unitId());
            ps.setObject(4, a.enterpriseId());
            ps.setString(5, a.kind());
            ps.setInt(6, a.priority());
            ps.setDouble(7, a.value());
            ps.setDouble(8, a.limit());
            ps.setTimestamp(9, Timestamp.from(a.raisedAt()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        Alarm saved = new Alarm(id, a.pointId(), a.pointCode(), a.unitId(), a.enterpriseId(), a.kind(), a.priority(), a.value(), a.limit(),
                a.raisedAt(), true, null, null, null, null, null, null, null, null, 0);
        event(c, id, a.raisedAt(), "RAISED", "system", reason, a.value());
        return saved;
    }

    /**
     * Writes the changed columns of {@code after} if the row still has {@code before}'s version;
     * false when somebody else changed it first.
     */
    static boolean update(Connection c, Alarm before, Alarm after) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE telemetry.alarm SET active = ?, cleared_at = ?, cleared_value = ?, acked_at = ?, "
                + "acked_by = ?, ack_reason = ?, shelved_until = ?, shelved_by = ?, shelve_reason = ?, version = ? WHERE id = ? AND version = ?")) {
            ps.setBoolean(1, after.active());
            ps.setTimestamp(2, ts(after.clearedAt()));
            ps.setObject(3, after.clearedValue());
            ps.setTimestamp(4, ts(after.acknowledgedAt()));
            ps.setString(5, after.acknowledgedBy());
            ps.setString(6, after.acknowledgeReason());
            ps.setTimestamp(7, ts(after.shelvedUntil()));
            ps.setString(8, after.shelvedBy());
            ps.setString(9, after.shelveReason());
            ps.setInt(10, after.version());
            ps.setLong(11, before.id());
            ps.setInt(12, before.version());
            return ps.executeUpdate() == 1;
        }
    }

    static void event(Connection c, long alarmId, Instant at, String action, String actor, String reason, Double value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO telemetry.alarm_event (alarm_id, at, action, actor, reason, value) VALUES (?,?,?,?,?,?)")) {
            ps.setLong(1, alarmId);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, action);
            ps.setString(4, actor);
            ps.setString(5, reason);
            ps.setObject(6, value == null || !Double.isFinite(value) ? null : value);
            ps.executeUpdate();
        }
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    static Alarm read(ResultSet rs) throws SQLException {
        return new Alarm(rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4), (Long) rs.getObject(5), rs.getString(6),
                rs.getInt(7), rs.getDouble(8), rs.getDouble(9), instant(rs, 10), rs.getBoolean(11), instant(rs, 12),
                rs.getObject(13) == null ? null : rs.getDouble(13), instant(rs, 14), rs.getString(15), rs.getString(16), instant(rs, 17),
                rs.getString(18), rs.getString(19), rs.getInt(20));
    }

    /** Alarms whose condition is present. */
    public List<Alarm> loadActive() throws SQLException {
        List<Alarm> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM telemetry.alarm WHERE active");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    public Optional<Alarm> find(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return find(c, id, false);
        }
    }

    static Optional<Alarm> find(Connection c, long id, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM telemetry.alarm WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** What to list. Null fields do not filter. */
    public record Filter(Boolean active, Boolean acknowledged, String state, List<String> pointCodes, Long enterpriseId, Long unitId,
            String kind, Instant from, Instant to) {
    }

    static final java.util.Set<String> SORTABLE = java.util.Set.of("raisedAt", "priority", "pointCode", "kind");

    /** One page of alarms the scope allows, newest first unless sorted otherwise. */
    public Page<Alarm> list(Filter f, DataScope scope, PageQuery page) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE ").append(scope.sqlPredicate("enterprise_id"));
        List<Object> args = new ArrayList<>();
        if (f.active() != null) {
            where.append(" AND active = ?");
            args.add(f.active());
        }
        if (f.acknowledged() != null) {
            where.append(f.acknowledged() ? " AND acked_at IS NOT NULL" : " AND acked_at IS NULL");
        }
        if (f.state() != null) {
            where.append(switch (f.state()) {
            case Alarm.SHELVED -> " AND active AND shelved_until IS NOT NULL";
            case Alarm.CLEARED -> " AND NOT active";
            case Alarm.ACKNOWLEDGED -> " AND active AND shelved_until IS NULL AND acked_at IS NOT NULL";
            default -> " AND active AND shelved_until IS NULL AND acked_at IS NULL";
            });
        }
        if (f.pointCodes() != null && !f.pointCodes().isEmpty()) {
            where.append(" AND point_code = ANY(?)");
            args.add(f.pointCodes().toArray(new String[0]));
        }
        if (f.enterpriseId() != null) {
            where.append(" AND enterprise_id = ?");
            args.add(f.enterpriseId());
        }
        if (f.unitId() != null) {
            where.append(" AND unit_id = ?");
            args.add(f.unitId());
        }
        if (f.kind() != null) {
            where.append(" AND kind = ?");
            args.add(f.kind());
        }
        if (f.from() != null) {
            where.append(" AND raised_at >= ?");
            args.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.append(" AND raised_at < ?");
            args.add(Timestamp.from(f.to()));
        }
        Map<String, String> cols = Map.of("raisedAt", "raised_at", "priority", "priority", "pointCode", "point_code", "kind", "kind");
        StringBuilder order = new StringBuilder(" ORDER BY ");
        for (PageQuery.Sort s : page.sort()) {
            order.append(cols.get(s.field())).append(s.ascending() ? " ASC, " : " DESC, ");
        }
        order.append("raised_at DESC, id DESC");
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM telemetry.alarm" + where)) {
                bind(c, ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Alarm> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM telemetry.alarm" + where + order + " LIMIT ? OFFSET ?")) {
                bind(c, ps, args);
                ps.setInt(args.size() + 1, page.size());
                ps.setInt(args.size() + 2, page.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(read(rs));
                    }
                }
            }
            return new Page<>(items, total, page.page(), page.size());
        }
    }

    private static void bind(Connection c, PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof String[] arr) {
                ps.setArray(i + 1, c.createArrayOf("text", arr));
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    /** Every transition of one alarm, oldest first. */
    public List<Map<String, Object>> events(long alarmId) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT at, action, actor, reason, value FROM telemetry.alarm_event WHERE alarm_id = ? ORDER BY id")) {
            ps.setLong(1, alarmId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("at", rs.getTimestamp(1).toInstant());
                    m.put("action", rs.getString(2));
                    m.put("actor", rs.getString(3));
                    m.put("reason", rs.getString(4));
                    m.put("value", rs.getObject(5));
                    out.add(m);
                }
            }
        }
        return out;
    }
}
