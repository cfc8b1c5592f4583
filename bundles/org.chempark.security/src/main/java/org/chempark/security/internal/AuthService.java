package org.chempark.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Validation;
import org.chempark.sdk.security.Subject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login, token refresh, logout, password change, and the per-request check of an access
 * token: signature and expiry, then its session (not revoked, not idle too long, within its
 * lifetime) and its user (enabled, not locked). Sessions are cached for
 * {@value #CACHE_MILLIS} ms; a revocation on this node takes effect at once, on another
 * node within that time.
 */
final class AuthService implements Directory.SessionRevoker {
    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    static final long CACHE_MILLIS = 30_000;
    private static final Duration LAST_SEEN_FLUSH = Duration.ofSeconds(60);
    static final String BAD_CREDENTIALS = "The username or password is wrong, or the account is locked after too many failed "
            + "logins (wait, or ask an administrator to unlock it)";

    private final Db db;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Policy policy;
    private final Jwt jwt;
    private final Clock clock;
    private final Path initialPasswordFile;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private static final class Cached {
        final Principal principal;
        final long userId;
        final long loadedAt;
        final Instant expiresAt;
        volatile Instant lastSeen;
        volatile Instant lastFlushed;

        Cached(Principal principal, long userId, long loadedAt, Instant expiresAt, Instant lastSeen) {
            this.principal = principal;
            this.userId = userId;
            this.loadedAt = loadedAt;
            this.expiresAt = expiresAt;
            this.lastSeen = lastSeen;
            this.lastFlushed = lastSeen;
        }
    }

    AuthService(Db db, AuditLog audit, PasswordHasher hasher, Policy policy, Jwt jwt, Clock clock, Path initialPasswordFile) {
        this.db = db;
        this.audit = audit;
        this.hasher = hasher;
        this.policy = policy;
        this.jwt = jwt;
        this.clock = clock;
        this.initialPasswordFile = initialPasswordFile;
    }

    Policy policy() {
        return policy;
    }

    PasswordHasher hasher() {
        return hasher;
    }

    /** Forget every cached session, e.g. after roles or users changed. */
    void invalidateCache() {
        cache.clear();
    }

    // ---------------------------------------------------------------- login

    private record Account(long id, String username, Long organisationId, String hash, boolean enabled, boolean locked,
            Instant lockedUntil, int failed, boolean mustChange, Instant changedAt) {
    }

    Dto.Tokens login(String username, String password, String source) {
        Instant now = clock.instant();
        Account a = verifyPassword(username, password, source, "POST", LOGIN_PATH, now);
        boolean mustChange = mustChange(a.mustChange(), a.changedAt(), now);
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE security.user_account SET failed_logins = 0, locked_until = NULL, "
                    + "last_login_at = ? WHERE id = ?")) {
                ps.setTimestamp(1, Db.ts(now));
                ps.setLong(2, a.id());
                ps.executeUpdate();
            }
            enforceSessionLimit(c, a, source, now);
            String sid = UUID.randomUUID().toString();
            String refresh = newRefreshToken();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO security.session (id, user_id, created_at, last_seen_at, expires_at, "
                    + "refresh_hash, source) VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, sid);
                ps.setLong(2, a.id());
                ps.setTimestamp(3, Db.ts(now));
                ps.setTimestamp(4, Db.ts(now));
                ps.setTimestamp(5, Db.ts(now.plus(policy.sessionLifetime())));
                ps.setString(6, sha256(refresh));
                ps.setString(7, source);
                ps.executeUpdate();
            }
            audit.append(c, new AuditLog.Event(a.id(), a.username(), a.organisationId(), AuditLog.Action.LOGIN, source, "POST",
                    "/api/v1/auth/login", 200, "session " + sid + (mustChange ? ", must change password" : "")));
            return tokens(a.id(), a.username(), sid, refresh, now, now.plus(policy.sessionLifetime()), mustChange);
        });
    }

    static final String LOGIN_PATH = "/api/v1/auth/login";

    /**
     * The account whose password this is; otherwise audits the failure, counts it toward the
     * lockout and throws 401 (the same text and time for every reason).
     */
    private Account verifyPassword(String username, String password, String source, String method, String path, Instant now) {
        Validation v = new Validation();
        v.required("username", username).maxLength("username", username, 64).required("password", password).maxLength("password", password, 128);
        v.throwIfInvalid();
        Account a = db.tx(c -> account(c, username));
        if (a == null) {
            hasher.verifyDummy(password.toCharArray());
            audit.append(new AuditLog.Event(null, username, null, AuditLog.Action.LOGIN_FAILED, source, method, path, 401,
                    "unknown user"));
            throw unauthorized(BAD_CREDENTIALS);
        }
        if (!a.enabled() || a.locked() || (a.lockedUntil() != null && a.lockedUntil().isAfter(now))) {
            hasher.verifyDummy(password.toCharArray());
            audit.append(new AuditLog.Event(a.id(), a.username(), a.organisationId(), AuditLog.Action.LOGIN_FAILED, source, method,
                    path, 401, !a.enabled() ? "account disabled" : a.locked() ? "account locked by an administrator"
                            : "account locked until " + a.lockedUntil()));
            throw unauthorized(BAD_CREDENTIALS);
        }
        if (!hasher.verify(password.toCharArray(), a.hash())) {
            db.tx(c -> {
                int failed = a.failed() + 1;
                boolean lock = failed >= policy.lockoutAttempts();
                try (PreparedStatement ps = c.prepareStatement("UPDATE security.user_account SET failed_logins = ?, locked_until = ? WHERE id = ?")) {
                    ps.setInt(1, lock ? 0 : failed);
                    ps.setTimestamp(2, lock ? Db.ts(now.plus(policy.lockout())) : null);
                    ps.setLong(3, a.id());
                    ps.executeUpdate();
                }
                audit.append(c, new AuditLog.Event(a.id(), a.username(), a.organisationId(), AuditLog.Action.LOGIN_FAILED, source, method,
                        path, 401, "wrong password (" + failed + " of " + policy.lockoutAttempts() + ")"));
                if (lock) {
                    audit.append(c, new AuditLog.Event(a.id(), a.username(), a.organisationId(), AuditLog.Action.ACCOUNT_LOCKED, source, method,
                            path, 401, "locked for " + policy.lockout().toMinutes() + " minutes after "
                                    + failed + " failed logins"));
                }
                return null;
            });
            throw unauthorized(BAD_CREDENTIALS);
        }
        return a;
    }

    /**
     * A login to the Karaf SSH or web console (JAAS realm): the same password check, lockout
     * and audit as the REST login, then the permission {@code requiredPermission}. No session is
     * created. Refused (401) when the password must be changed first: the console cannot do it.
     * Refused (403) without the permission; audited as ACCESS_DENIED.
     *
     * @param channel what to write as the audit path, e.g. {@code console}
     */
    Subject consoleLogin(String username, String password, String channel, String requiredPermission) {
        Instant now = clock.instant();
        Account a = verifyPassword(username, password, "console", "LOGIN", channel, now);
        Object[] result = db.tx(c -> {
            Subject subject = Directory.loadSubject(c, a.id());
            String refusal = null;
            int status = 403;
            if (subject == null) {
                refusal = "account not usable";
                status = 401;
            } else if (mustChange(a.mustChange(), a.changedAt(), now)) {
                refusal = "the password must be changed first (in the web application)";
            } else if (!subject.hasPermission(requiredPermission)) {
                refusal = "console login needs the permission '" + requiredPermission + "'";
            }
            if (refusal != null) {
                audit.append(c, new AuditLog.Event(a.id(), a.username(), a.organisationId(), AuditLog.Action.ACCESS_DENIED, "console",
                        "LOGIN", channel, status, refusal));
                return new Object[] { null, refusal, status };
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE security.user_account SET failed_logins = 0, locked_until = NULL, "
                    + "last_login_at = ? WHERE id = ?")) {
                ps.setTimestamp(1, Db.ts(now));
                ps.setLong(2, a.id());
                ps.executeUpdate();
            }
            audit.append(c, new AuditLog.Event(a.id(), a.username(), a.organisationId(), AuditLog.Action.LOGIN, "console", "LOGIN",
                    channel, 200, "Karaf console login"));
            return new Object[] { subject, null, 200 };
        });
        if (result[0] == null) {
            throw new ProblemException((Integer) result[2], "Forbidden", (String) result[1], List.of());
        }
        return (Subject) result[0];
    }

    private boolean mustChange(boolean flag, Instant changedAt, Instant now) {
        return flag || (policy.expiryDays() > 0 && changedAt != null && !changedAt.plus(Duration.ofDays(policy.expiryDays())).isAfter(now));
    }

    private Instant passwordExpiresAt(Instant changedAt) {
        return policy.expiryDays() > 0 && changedAt != null ? changedAt.plus(Duration.ofDays(policy.expiryDays())) : null;
    }

    private static Account account(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, username, organisation_id, password_hash, enabled, locked, locked_until, "
                + "failed_logins, must_change_password, password_changed_at FROM security.user_account WHERE lower(username) = lower(?)")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Account(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6),
                        Db.instant(rs, "locked_until"), rs.getInt(8), rs.getBoolean(9), Db.instant(rs, "password_changed_at"));
            }
        }
    }

    /** At most {@code maxSessions} live sessions per user: the oldest ones make room for a new login. */
    private void enforceSessionLimit(Connection c, Account a, String source, Instant now) throws SQLException {
        List<String> live = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM security.session WHERE user_id = ? AND revoked_at IS NULL "
                + "AND expires_at > ? AND last_seen_at > ? ORDER BY created_at DESC, last_seen_at DESC FOR UPDATE")) {
            ps.setLong(1, a.id());
            ps.setTimestamp(2, Db.ts(now));
            ps.setTimestamp(3, Db.ts(now.minus(policy.idleTimeout())));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    live.add(rs.getString(1));
                }
            }
        }
        for (int i = policy.maxSessions() - 1; i < live.size(); i++) {
            revoke(c, live.get(i), "session limit of " + policy.maxSessions() + " reached by a new login");
            audit.append(c, new AuditLog.Event(a.id(), a.username(), a.organisationId(), AuditLog.Action.SESSION_REVOKED, source, "POST",
                    "/api/v1/auth/login", null, "session " + live.get(i) + " ended: at most " + policy.maxSessions() + " sessions per user"));
        }
    }

    private Dto.Tokens tokens(long userId, String username, String sid, String refresh, Instant now, Instant sessionEnd, boolean mustChange) {
        Instant exp = now.plus(policy.accessToken());
        if (exp.isAfter(sessionEnd)) {
            exp = sessionEnd;
        }
        String access = jwt.sign(new Jwt.Claims(userId, username, sid, now, exp));
        return new Dto.Tokens(access, "Bearer", Duration.between(now, exp).toSeconds(), refresh,
                Math.max(0, Duration.between(now, sessionEnd).toSeconds()), mustChange);
    }

    // ---------------------------------------------------------------- refresh

    /** A new access token and a new refresh token; the presented refresh token is used up. */
    Dto.Tokens refresh(String refreshToken, String source) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200) {
            throw ProblemException.invalid(List.of(new FieldError("refreshToken", "required", "refreshToken is required")));
        }
        String hash = sha256(refreshToken);
        Instant now = clock.instant();
        String[] reused = new String[1];
        Dto.Tokens t = db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.id, s.user_id, s.expires_at, s.revoked_at, s.last_seen_at, u.username, "
                    + "u.organisation_id, u.enabled, u.locked, u.must_change_password, u.password_changed_at FROM security.session s "
                    + "JOIN security.user_account u ON u.id = s.user_id WHERE s.refresh_hash = ? FOR UPDATE OF s")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    String sid = rs.getString(1);
                    long userId = rs.getLong(2);
                    Instant expires = Db.instant(rs, "expires_at");
                    Instant lastSeen = Db.instant(rs, "last_seen_at");
                    if (Db.instant(rs, "revoked_at") != null || !expires.isAfter(now) || !rs.getBoolean("enabled") || rs.getBoolean("locked")
                            || lastSeen.plus(policy.idleTimeout()).isBefore(now)) {
                        return null;
                    }
                    String refresh = newRefreshToken();
                    try (PreparedStatement up = c.prepareStatement("UPDATE security.session SET refresh_hash = ?, previous_refresh_hash = ? WHERE id = ?")) {
                        up.setString(1, sha256(refresh));
                        up.setString(2, hash);
                        up.setString(3, sid);
                        up.executeUpdate();
                    }
                    audit.append(c, new AuditLog.Event(userId, rs.getString("username"), rs.getLong("organisation_id"),
                            AuditLog.Action.TOKEN_REFRESHED, source, "POST", "/api/v1/auth/refresh", 200, "session " + sid));
                    return tokens(userId, rs.getString("username"), sid, refresh, now, expires,
                            mustChange(rs.getBoolean("must_change_password"), Db.instant(rs, "password_changed_at"), now));
                }
            }
        });
        if (t != null) {
            return t;
        }
        // a used-up refresh token presented again: someone kept a copy. End that session.
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.id, s.user_id, u.username, u.organisation_id FROM security.session s "
                    + "JOIN security.user_account u ON u.id = s.user_id WHERE s.previous_refresh_hash = ? AND s.revoked_at IS NULL FOR UPDATE OF s")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        reused[0] = rs.getString(1);
                        revoke(c, rs.getString(1), "refresh token reused");
                        audit.append(c, new AuditLog.Event(rs.getLong(2), rs.getString(3), rs.getLong(4), AuditLog.Action.REFRESH_REUSED, source,
                                "POST", "/api/v1/auth/refresh", 401, "a used refresh token was presented again; session " + rs.getString(1) + " ended"));
                    }
                }
            }
            return null;
        });
        if (reused[0] != null) {
            cache.remove(reused[0]);
        }
        throw unauthorized("The refresh token is invalid, used up or expired; log in again");
    }

    // ---------------------------------------------------------------- logout, password

    void logout(Principal p, String source) {
        db.tx(c -> {
            revoke(c, p.sessionId(), "logout");
            Subject s = p.subject();
            audit.append(c, new AuditLog.Event(s.userId(), s.username(), s.organisationId(), AuditLog.Action.LOGOUT, source, "POST",
                    "/api/v1/auth/logout", 204, "session " + p.sessionId()));
            return null;
        });
        cache.remove(p.sessionId());
    }

    /** Changes the caller's password; the caller's other sessions end. */
    void changePassword(Principal p, String current, String next, String source) {
        Subject s = p.subject();
        Validation v = new Validation();
        v.required("currentPassword", current).maxLength("currentPassword", current, 128);
        PasswordPolicy.check(v, "newPassword", next, s.username(), policy);
        v.throwIfInvalid();
        String storedHash = db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM security.user_account WHERE id = ?")) {
                ps.setLong(1, s.userId());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (storedHash == null || !hasher.verify(current.toCharArray(), storedHash)) {
            audit.append(new AuditLog.Event(s.userId(), s.username(), s.organisationId(), AuditLog.Action.PASSWORD_CHANGED, source, "POST",
                    "/api/v1/auth/password", 422, "refused: current password wrong"));
            throw ProblemException.invalid(List.of(new FieldError("currentPassword", "wrong", "The current password is wrong")));
        }
        List<String> history = db.tx(c -> {
            List<String> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM security.password_history WHERE user_id = ? "
                    + "ORDER BY id DESC LIMIT ?")) {
                ps.setLong(1, s.userId());
                ps.setInt(2, Math.max(1, policy.history()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(rs.getString(1));
                    }
                }
            }
            return list;
        });
        history.add(storedHash);
        for (String old : history) {
            if (hasher.verify(next.toCharArray(), old)) {
                throw ProblemException.invalid(List.of(new FieldError("newPassword", "history",
                        "The new password must differ from your last " + Math.max(1, policy.history()) + " passwords")));
            }
        }
        String hash = hasher.hash(next.toCharArray());
        Instant now = clock.instant();
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE security.user_account SET password_hash = ?, password_changed_at = ?, "
                    + "must_change_password = false, updated_at = now() WHERE id = ?")) {
                ps.setString(1, hash);
                ps.setTimestamp(2, Db.ts(now));
                ps.setLong(3, s.userId());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO security.password_history (user_id, password_hash, changed_at) VALUES (?,?,?)")) {
                ps.setLong(1, s.userId());
                ps.setString(2, hash);
                ps.setTimestamp(3, Db.ts(now));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM security.password_history WHERE user_id = ? AND id NOT IN "
                    + "(SELECT id FROM security.password_history WHERE user_id = ? ORDER BY id DESC LIMIT ?)")) {
                ps.setLong(1, s.userId());
                ps.setLong(2, s.userId());
                ps.setInt(3, Math.max(1, policy.history()));
                ps.executeUpdate();
            }
            revokeAll(c, s.userId(), p.sessionId(), "password changed");
            audit.append(c, new AuditLog.Event(s.userId(), s.username(), s.organisationId(), AuditLog.Action.PASSWORD_CHANGED, source, "POST",
                    "/api/v1/auth/password", 204, "password changed; other sessions ended"));
            return null;
        });
        cache.remove(p.sessionId());
        if (initialPasswordFile != null && "admin".equals(s.username())) {
            try {
                if (Files.deleteIfExists(initialPasswordFile)) {
                    LOG.info("The initial admin password was changed; removed {}", initialPasswordFile);
                }
            } catch (IOException e) {
                LOG.warn("Could not remove {}: {}", initialPasswordFile, e.getMessage());
            }
        }
    }

    // ---------------------------------------------------------------- sessions

    @Override
    public void revokeAll(Connection c, long userId, String exceptSession, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE security.session SET revoked_at = ?, revoke_reason = ? WHERE user_id = ? "
                + "AND revoked_at IS NULL AND id IS DISTINCT FROM ?")) {
            ps.setTimestamp(1, Db.ts(clock.instant()));
            ps.setString(2, reason);
            ps.setLong(3, userId);
            ps.setString(4, exceptSession);
            ps.executeUpdate();
        }
        cache.values().removeIf(e -> e.userId == userId && !e.principal.sessionId().equals(exceptSession));
    }

    private void revoke(Connection c, String sid, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE security.session SET revoked_at = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL")) {
            ps.setTimestamp(1, Db.ts(clock.instant()));
            ps.setString(2, reason);
            ps.setString(3, sid);
            ps.executeUpdate();
        }
        cache.remove(sid);
    }

    /**
     * The principal of a bearer token; a 401 problem when the token is malformed, badly
     * signed, expired, or its session ended (logout, revocation, idle timeout, lifetime).
     */
    Principal authenticate(String token) {
        return check(token, true, true);
    }

    /**
     * Whether the session of a correctly signed token is still live (not logged out or revoked,
     * within its lifetime, not idle), without counting the check as activity and whatever the
     * token's own expiry: for long-lived connections that re-check periodically.
     */
    boolean sessionValid(String token) {
        try {
            return !check(token, false, false).mustChangePassword();
        } catch (ProblemException e) {
            return false;
        }
    }

    /**
     * @param checkExpiry whether the access token's own {@code exp} counts
     * @param touch whether this is user activity (moves the session's idle deadline)
     */
    private Principal check(String token, boolean checkExpiry, boolean touch) {
        Jwt.Claims claims;
        try {
            claims = jwt.verify(token, checkExpiry);
        } catch (Jwt.InvalidToken e) {
            throw unauthorized("The access token is not valid (" + e.getMessage() + "); log in or refresh it");
        }
        Instant now = clock.instant();
        Cached entry = cache.get(claims.sessionId());
        if (entry == null || clock.millis() - entry.loadedAt > CACHE_MILLIS) {
            entry = load(claims.sessionId(), now);
            if (entry == null || entry.userId != claims.userId()) {
                cache.remove(claims.sessionId());
                throw unauthorized("The session has ended (logged out, revoked or expired); log in again");
            }
            Cached previous = cache.get(claims.sessionId());
            if (previous != null && previous.lastSeen.isAfter(entry.lastSeen)) {
                entry.lastSeen = previous.lastSeen;
                entry.lastFlushed = previous.lastFlushed;
            }
            cache.put(claims.sessionId(), entry);
        }
        if (!entry.expiresAt.isAfter(now)) {
            cache.remove(claims.sessionId());
            throw unauthorized("The session has reached its maximum length of " + policy.sessionLifetime().toHours() + " hours; log in again");
        }
        if (entry.lastSeen.plus(policy.idleTimeout()).isBefore(now)) {
            String sid = claims.sessionId();
            db.tx(c -> {
                revoke(c, sid, "idle timeout");
                return null;
            });
            throw unauthorized("The session timed out after " + policy.idleTimeout().toMinutes() + " minutes without activity; log in again");
        }
        if (!touch) {
            return entry.principal;
        }
        entry.lastSeen = now;
        if (Duration.between(entry.lastFlushed, now).compareTo(LAST_SEEN_FLUSH) >= 0) {
            entry.lastFlushed = now;
            String sid = claims.sessionId();
            db.tx(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE security.session SET last_seen_at = ? WHERE id = ?")) {
                    ps.setTimestamp(1, Db.ts(now));
                    ps.setString(2, sid);
                    ps.executeUpdate();
                }
                return null;
            });
        }
        return entry.principal;
    }

    private Cached load(String sid, Instant now) {
        return db.tx(c -> {
            long userId;
            Instant expires;
            Instant lastSeen;
            String displayName;
            boolean mustChangeFlag;
            Instant changedAt;
            try (PreparedStatement ps = c.prepareStatement("SELECT s.user_id, s.expires_at, s.last_seen_at, u.display_name, "
                    + "u.must_change_password, u.password_changed_at FROM security.session s JOIN security.user_account u ON u.id = s.user_id "
                    + "WHERE s.id = ? AND s.revoked_at IS NULL")) {
                ps.setString(1, sid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    userId = rs.getLong(1);
                    expires = Db.instant(rs, "expires_at");
                    lastSeen = Db.instant(rs, "last_seen_at");
                    displayName = rs.getString(4);
                    mustChangeFlag = rs.getBoolean(5);
                    changedAt = Db.instant(rs, "password_changed_at");
                }
            }
            Subject subject = Directory.loadSubject(c, userId);
            if (subject == null) {
                return null;
            }
            Principal p = new Principal(subject, sid, displayName, mustChange(mustChangeFlag, changedAt, now), passwordExpiresAt(changedAt));
            return new Cached(p, userId, clock.millis(), expires, lastSeen);
        });
    }

    // ---------------------------------------------------------------- helpers

    private String newRefreshToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "Unauthorized", detail, List.of());
    }
}
