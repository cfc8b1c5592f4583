package org.chempark.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.chempark.sdk.persistence.SchemaMigrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The security machinery assembled, without OSGi (so tests build it on a plain DataSource).
 * Starting migrates the {@code security} schema and, on first start, creates the signing key,
 * the built-in roles, the park organisation and the user {@code admin}.
 */
final class Security {
    private static final Logger LOG = LoggerFactory.getLogger(Security.class);
    static final String SCHEMA = "security";
    static final String[] MIGRATIONS = { "V1__identity_and_audit.sql", "V2__personal_data.sql" };
    static final String KEY_ID = "hs256-1";
    static final String ADMIN = "admin";
    static final String PASSWORD_FILE = "initial-admin-password";

    /** Workflow actions park regulators hold in every module (modules name such actions this way). */
    static final List<String> WORKFLOW_ACTIONS = List.of("review", "approve", "handle", "dispatch", "close");

    /** The built-in roles; recreated with these permissions at every start and not editable. */
    static final List<Dto.Role> BUILT_IN_ROLES = List.of(
            new Dto.Role(null, "park-admin", "园区管理员", "Park administrator", "Every permission of every installed module",
                    List.of("*"), true),
            new Dto.Role(null, "park-regulator", "园区监管人员", "Park regulator",
                    "Reads everything and performs workflow actions (review, approve, handle, dispatch, close) park-wide",
                    regulatorPermissions(), true),
            new Dto.Role(null, "enterprise-safety", "企业安全管理员", "Enterprise safety officer",
                    "Reads and maintains the data of the own enterprise (limited by the data scope)", List.of("*:read", "*:write"), true),
            new Dto.Role(null, "auditor", "安全审计员", "Security auditor", "Reads the audit log and the accounts (等保 三员: 审计管理员)",
                    List.of("security:audit", "security:read"), true));

    final Db db;
    final AuditLog audit;
    final Directory directory;
    final AuthService auth;
    final LoginRateLimiter rateLimiter;
    final Policy policy;
    final Path dataDir;

    private static List<String> regulatorPermissions() {
        List<String> l = new java.util.ArrayList<>();
        l.add("*:read");
        WORKFLOW_ACTIONS.forEach(a -> l.add("*:" + a));
        return List.copyOf(l);
    }

    private Security(DataSource ds, Policy policy, Clock clock, Path dataDir, byte[] key) {
        this.db = new Db(ds);
        this.policy = policy;
        this.dataDir = dataDir;
        this.audit = new AuditLog(db, clock);
        PasswordHasher hasher = new PasswordHasher(policy.iterations());
        this.auth = new AuthService(db, audit, hasher, policy, new Jwt(key, clock), clock, dataDir.resolve(PASSWORD_FILE));
        this.directory = new Directory(db, audit, clock, auth::invalidateCache, FieldCipher.loadOrCreate(dataDir));
        this.rateLimiter = new LoginRateLimiter(policy.loginRatePerMinute(), clock);
    }

    /**
     * @param dataDir where the first start writes the initial admin password ({@code ${karaf.data}/security})
     */
    static Security start(DataSource ds, SchemaMigrator migrator, Policy policy, Clock clock, Path dataDir) {
        migrator.migrate(SCHEMA, Security.class.getClassLoader(), "db/security", MIGRATIONS);
        Db db = new Db(ds);
        byte[] key = db.tx(Security::signingKey);
        Security s = new Security(ds, policy, clock, dataDir, key);
        s.bootstrap();
        return s;
    }

    private static byte[] signingKey(Connection c) throws SQLException {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO security.signing_key (id, secret) VALUES (?, ?) ON CONFLICT (id) DO NOTHING")) {
            ps.setString(1, KEY_ID);
            ps.setBytes(2, fresh);
            if (ps.executeUpdate() == 1) {
                LOG.info("Generated the token signing key (kept in the database, schema security)");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT secret FROM security.signing_key WHERE id = ?")) {
            ps.setString(1, KEY_ID);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private void bootstrap() {
        String[] password = new String[1];
        db.tx(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, 0x6368736563626F6FL);
                lock.execute();
            }
            for (Dto.Role r : BUILT_IN_ROLES) {
                Long id = null;
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM security.role WHERE code = ?")) {
                    ps.setString(1, r.code());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            id = rs.getLong(1);
                        }
                    }
                }
                if (id == null) {
                    Directory.insertRole(c, r, true);
                } else {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE security.role SET name_zh = ?, name_en = ?, description = ?, "
                            + "built_in = true WHERE id = ?")) {
                        ps.setString(1, r.nameZh());
                        ps.setString(2, r.nameEn());
                        ps.setString(3, r.description());
                        ps.setLong(4, id);
                        ps.executeUpdate();
                    }
                    Directory.setPermissions(c, id, r.permissions());
                }
            }
            long parkId;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM security.organisation WHERE type = 'PARK' ORDER BY id LIMIT 1");
                    ResultSet rs = ps.executeQuery()) {
                parkId = rs.next() ? rs.getLong(1) : -1;
            }
            if (parkId < 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO security.organisation (code, name, type) VALUES ('park', ?, 'PARK') RETURNING id")) {
                    ps.setString(1, "园区管委会 Park administration");
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        parkId = rs.getLong(1);
                    }
                }
            }
            if (!Directory.exists(c, "SELECT 1 FROM security.user_account LIMIT 1")) {
                password[0] = auth.hasher().randomPassword(20);
                long id = Directory.insertUser(c, new Dto.UserInput(ADMIN, "园区管理员 Administrator", parkId, null, "zh-CN", null, null, true, null),
                        auth.hasher().hash(password[0].toCharArray()), java.time.Instant.now());
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO security.user_role (user_id, role_id) "
                        + "SELECT ?, id FROM security.role WHERE code = 'park-admin'")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
                writePasswordFile(password[0]);
                audit.append(c, Actor.system().event(AuditLog.Action.SYSTEM, null, "first start: created user 'admin' (park-admin)"));
            }
            return null;
        });
        if (password[0] != null) {
            LOG.info("initial admin password written to {}", dataDir.resolve(PASSWORD_FILE).toAbsolutePath());
        }
    }

    /** Only the owner may read it (0600, in a 0700 folder). Written before the transaction commits, so no admin exists without it. */
    private void writePasswordFile(String password) {
        try {
            Files.createDirectories(dataDir);
            try {
                Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder inherits the ACL of ${karaf.data}
            }
            Path f = dataDir.resolve(PASSWORD_FILE);
            Files.deleteIfExists(f);
            try {
                Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(f);
            }
            Files.writeString(f, password + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the initial admin password to " + dataDir + ": " + e.getMessage(), e);
        }
    }

    static Set<String> builtInCodes() {
        return Set.of("park-admin", "park-regulator", "enterprise-safety", "auditor");
    }
}
