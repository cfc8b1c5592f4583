package org.chempark.security.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application audit trail (等保 2.0: 安全审计). Rows are only ever appended (a trigger
 * refuses UPDATE, DELETE and TRUNCATE) and chained: each row's hash is SHA-256 over the
 * previous row's hash and the row's own content, so a changed, removed or inserted row
 * breaks the chain from there on; {@link #verify()} finds the first such row.
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    static final String GENESIS = "0".repeat(64);
    private static final long LOCK_KEY = 0x63686D61756469L; // "chmaudi"

    /** What happened. */
    public static final class Action {
        public static final String LOGIN = "LOGIN";
        public static final String LOGIN_FAILED = "LOGIN_FAILED";
        public static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
        public static final String LOGOUT = "LOGOUT";
        public static final String TOKEN_REFRESHED = "TOKEN_REFRESHED";
        public static final String REFRESH_REUSED = "REFRESH_TOKEN_REUSED";
        public static final String SESSION_REVOKED = "SESSION_REVOKED";
        public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
        public static final String PASSWORD_RESET = "PASSWORD_RESET";
        public static final String USER_CHANGED = "USER_CHANGED";
        public static final String ROLE_CHANGED = "ROLE_CHANGED";
        public static final String ORGANISATION_CHANGED = "ORGANISATION_CHANGED";
        public static final String ACCESS_DENIED = "ACCESS_DENIED";
        public static final String WRITE = "WRITE";
        public static final String SYSTEM = "SYSTEM";

        private Action() {
        }
    }

    /** One event to record. Null fields are allowed except {@code action}. */
    public record Event(Long userId, String username, Long organisationId, String action, String source, String method,
            String path, Integer status, String detail) {
    }

    /** A stored row. */
    public record Entry(long id, Instant at, Long userId, String username, Long organisationId, String action, String source,
            String method, String path, Integer status, String detail, String hash) {
    }

    /** Filter of {@link #query} and {@link #exportCsv}. */
    public record Filter(String username, Long userId, String action, Instant from, Instant to) {
    }

    /** Outcome of {@link #verify()}: the first row whose chain is broken, or none. */
    public record Verification(long rowsChecked, Long firstBrokenId, String reason) {
        public boolean intact() {
            return firstBrokenId == null;
        }
    }

    private final Db db;
    private final Clock clock;

    AuditLog(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Appends in its own transaction. Never throws: a failure is logged as an error (and the request goes on). */
    public void append(Event e) {
        try {
            db.tx(c -> {
                append(c, e);
                return null;
            });
        } catch (RuntimeException ex) {
            LOG.error("AUDIT FAILURE: could not record {} by {} on {} {}", e.action(), e.username(), e.method(), e.path(), ex);
        }
    }

    /** Appends inside the caller's transaction, so a change and its audit row commit together. */
    void append(Connection c, Event e) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            lock.execute();
        }
        String prev = GENESIS;
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM security.audit_log ORDER BY id DESC LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                prev = rs.getString(1);
            }
        }
        long id;
        try (PreparedStatement ps = c.prepareStatement("SELECT nextval('security.audit_log_id_seq')"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Entry entry = new Entry(id, at, e.userId(), cut(e.username(), 200), e.organisationId(), e.action(), cut(e.source(), 100),
                e.method(), cut(e.path(), 1000), e.status(), cut(e.detail(), 2000), null);
        String hash = hash(prev, entry);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO security.audit_log (id, at, user_id, username, organisation_id, "
                + "action, source, method, path, status, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, id);
            ps.setTimestamp(2, Db.ts(at));
            ps.setObject(3, entry.userId());
            ps.setString(4, entry.username());
            ps.setObject(5, entry.organisationId());
            ps.setString(6, entry.action());
            ps.setString(7, entry.source());
            ps.setString(8, entry.method());
            ps.setString(9, entry.path());
            ps.setObject(10, entry.status());
            ps.setString(11, entry.detail());
            ps.setString(12, prev);
            ps.setString(13, hash);
            ps.executeUpdate();
        }
    }

    /** Walks the whole chain in id order. */
    public Verification verify() {
        return db.tx(c -> {
            String prev = GENESIS;
            long n = 0;
            try (PreparedStatement tx = c.prepareStatement("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")) {
                tx.execute(); // one consistent snapshot of the whole chain
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, at, user_id, username, organisation_id, action, source, method, "
                    + "path, status, detail, prev_hash, hash FROM security.audit_log ORDER BY id")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        n++;
                        Entry e = entry(rs);
                        String storedPrev = rs.getString("prev_hash");
                        if (!prev.equals(storedPrev)) {
                            return new Verification(n, e.id(), "its prev_hash does not match the hash of the row before it "
                                    + "(a row before it was removed or inserted)");
                        }
                        String expected = hash(prev, e);
                        if (!expected.equals(e.hash())) {
                            return new Verification(n, e.id(), "its content does not match its hash (the row was changed)");
                        }
                        prev = e.hash();
                    }
                }
            }
            return new Verification(n, null, null);
        });
    }

    Page<Entry> query(Filter f, PageQuery page) {
        return db.tx(c -> {
            List<Object> args = new ArrayList<>();
            String where = where(f, args);
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM security.audit_log" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Entry> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM security.audit_log" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
                bind(ps, args);
                ps.setInt(args.size() + 1, page.size());
                ps.setInt(args.size() + 2, page.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(entry(rs));
                    }
                }
            }
            return new Page<>(items, total, page.page(), page.size());
        });
    }

    /** Writes the matching rows (oldest first) as CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs show Chinese). */
    void exportCsv(Filter f, Writer out, int max) throws IOException {
        List<Entry> rows = db.tx(c -> {
            List<Object> args = new ArrayList<>();
            String where = where(f, args);
            List<Entry> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM security.audit_log" + where + " ORDER BY id LIMIT ?")) {
                bind(ps, args);
                ps.setInt(args.size() + 1, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(entry(rs));
                    }
                }
            }
            return list;
        });
        out.write('\uFEFF');
        out.write("id,at,userId,username,organisationId,action,source,method,path,status,detail,hash\r\n");
        for (Entry e : rows) {
            out.write(String.join(",", String.valueOf(e.id()), e.at().toString(), str(e.userId()), csv(e.username()),
                    str(e.organisationId()), csv(e.action()), csv(e.source()), csv(e.method()), csv(e.path()), str(e.status()),
                    csv(e.detail()), e.hash()));
            out.write("\r\n");
        }
    }

    private static String where(Filter f, List<Object> args) {
        StringBuilder w = new StringBuilder();
        if (f.username() != null && !f.username().isBlank()) {
            w.append(" AND lower(username) = lower(?)");
            args.add(f.username());
        }
        if (f.userId() != null) {
            w.append(" AND user_id = ?");
            args.add(f.userId());
        }
        if (f.action() != null && !f.action().isBlank()) {
            w.append(" AND action = ?");
            args.add(f.action());
        }
        if (f.from() != null) {
            w.append(" AND at >= ?");
            args.add(Db.ts(f.from()));
        }
        if (f.to() != null) {
            w.append(" AND at < ?");
            args.add(Db.ts(f.to()));
        }
        return w.length() == 0 ? "" : " WHERE" + w.substring(4);
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        Integer status = rs.getObject("status") == null ? null : rs.getInt("status");
        return new Entry(rs.getLong("id"), Db.instant(rs, "at"), Db.longOrNull(rs, "user_id"), rs.getString("username"),
                Db.longOrNull(rs, "organisation_id"), rs.getString("action"), rs.getString("source"), rs.getString("method"),
                rs.getString("path"), status, rs.getString("detail"), rs.getString("hash"));
    }

    /** SHA-256 over the previous hash and every field, each length-prefixed so no two rows serialise alike. */
    static String hash(String prev, Entry e) {
        StringBuilder sb = new StringBuilder(256).append(prev);
        field(sb, String.valueOf(e.id()));
        field(sb, e.at().toString());
        field(sb, str(e.userId()));
        field(sb, e.username());
        field(sb, str(e.organisationId()));
        field(sb, e.action());
        field(sb, e.source());
        field(sb, e.method());
        field(sb, e.path());
        field(sb, str(e.status()));
        field(sb, e.detail());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void field(StringBuilder sb, String v) {
        if (v == null) {
            sb.append("|-");
        } else {
            sb.append('|').append(v.length()).append(':').append(v);
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        String v = s;
        // keep spreadsheet programs from evaluating a cell as a formula (CSV injection)
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
