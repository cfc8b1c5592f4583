package org.chempark.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.security.DataScope;
import org.chempark.sdk.security.OrganisationType;
import org.chempark.sdk.security.SubjectHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Login, lockout, tokens, sessions and the directory against a real embedded PostgreSQL. */
class AuthServiceTest {
    static final String PASSWORD = "Chem-Park-2025";
    static final SecurityFilter.Rule NEEDS_SECURITY_READ = new SecurityFilter.Rule(SecurityFilter.Rule.Kind.PERMISSION, "security:read");

    @TempDir
    Path dir;
    TestDb.MutableClock clock;
    Security sec;
    AuthService auth;

    @BeforeEach
    void start() throws Exception {
        clock = new TestDb.MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
        sec = TestDb.freshSecurity(Policy.defaults(), clock, dir.resolve("security"));
        auth = sec.auth;
    }

    @AfterEach
    void clear() {
        SubjectHolder.clear();
    }

    private long parkOrg() {
        return sec.directory.organisations().stream().filter(o -> o.type() == OrganisationType.PARK).findFirst().orElseThrow().id();
    }

    /** A user whose password is {@link #PASSWORD} and need not be changed. */
    private long user(String username, long org, String... roles) throws Exception {
        long id = sec.directory.createUser(new Dto.UserInput(username, "测试 " + username, org, List.of(roles), null, null, null, null, PASSWORD),
                Actor.system(), auth.hasher(), sec.policy).user().id();
        try (Connection c = sec.db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE security.user_account SET must_change_password = false WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        return id;
    }

    private static int status(Runnable r) {
        try {
            r.run();
            return 200;
        } catch (ProblemException e) {
            return e.status();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = sec.db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void firstStartWritesTheAdminPasswordOnlyToAPrivateFile() throws Exception {
        Path file = dir.resolve("security/initial-admin-password");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String password = Files.readString(file).trim();
        assertThat(password).hasSize(20);
        assertThat(count("SELECT count(*) FROM security.audit_log WHERE detail LIKE '%" + "admin" + "%' AND action = 'SYSTEM'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM security.audit_log WHERE detail LIKE '%" + password + "%'")).isZero();
        // a restart creates no second admin and no new file
        Files.delete(file);
        Security again = Security.start(sec.db.dataSource(), new org.chempark.core.db.internal.JdbcSchemaMigrator(sec.db.dataSource()),
                Policy.defaults(), clock, dir.resolve("security"));
        assertThat(file).doesNotExist();
        assertThat(again.directory.users(PageQuery.parse(0, 10, null, Directory.USER_SORT), null, null).total()).isEqualTo(1);
        assertThat(again.directory.roles()).extracting(Dto.Role::code).containsAll(Security.builtInCodes());
    }

    @Test
    void initialAdminMustChangeThePasswordBeforeAnythingElse() throws Exception {
        Path file = dir.resolve("security/initial-admin-password");
        String initial = Files.readString(file).trim();
        Dto.Tokens t = auth.login("admin", initial, "127.0.0.1");
        assertThat(t.mustChangePassword()).isTrue();
        assertThat(t.expiresIn()).isEqualTo(900);
        assertThat(t.tokenType()).isEqualTo("Bearer");

        assertThatThrownBy(() -> SecurityFilter.decide(NEEDS_SECURITY_READ, "Bearer " + t.accessToken(), false, auth))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(403);
                    assertThat(p.detail()).startsWith("change your password first");
                });
        Principal p = SecurityFilter.decide(new SecurityFilter.Rule(SecurityFilter.Rule.Kind.AUTHENTICATED, null),
                "Bearer " + t.accessToken(), true, auth);
        assertThat(p.subject().roles()).containsExactly("park-admin");

        assertThatThrownBy(() -> auth.changePassword(p, "wrong", "Better-Pass-2025", "127.0.0.1"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("currentPassword"));
        assertThatThrownBy(() -> auth.changePassword(p, initial, "short", "127.0.0.1"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThatThrownBy(() -> auth.changePassword(p, initial, initial, "127.0.0.1"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().get(0).rule()).isEqualTo("history"));
        auth.changePassword(p, initial, "Better-Pass-2025", "127.0.0.1");
        assertThat(file).as("the initial password file goes once it is changed").doesNotExist();

        Principal after = SecurityFilter.decide(NEEDS_SECURITY_READ, "Bearer " + t.accessToken(), false, auth);
        assertThat(after.mustChangePassword()).isFalse();
        assertThat(auth.login("admin", "Better-Pass-2025", "127.0.0.1").mustChangePassword()).isFalse();
        assertThat(status(() -> auth.login("admin", initial, "127.0.0.1"))).isEqualTo(401);
    }

    @Test
    void passwordHistoryOfFiveAndExpiryAfter90Days() throws Exception {
        user("li.si", parkOrg(), "park-regulator");
        String current = PASSWORD;
        for (int i = 1; i <= 5; i++) {
            Dto.Tokens t = auth.login("li.si", current, "10.0.0.1");
            Principal p = auth.authenticate(t.accessToken());
            String next = "Next-Pass-" + i + "x";
            auth.changePassword(p, current, next, "10.0.0.1");
            if (i == 3) {
                String reuse = "Next-Pass-1x";
                String cur = next;
                assertThatThrownBy(() -> auth.changePassword(auth.authenticate(auth.login("li.si", cur, "10.0.0.1").accessToken()), cur, reuse, "x"))
                        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().get(0).rule()).isEqualTo("history"));
            }
            current = next;
        }
        assertThat(count("SELECT count(*) FROM security.password_history h JOIN security.user_account u ON u.id = h.user_id "
                + "WHERE u.username = 'li.si'")).isEqualTo(5);
        clock.advance(Duration.ofDays(91));
        assertThat(auth.login("li.si", current, "10.0.0.1").mustChangePassword()).as("expired after 90 days").isTrue();
    }

    @Test
    void fiveFailedLoginsLockTheAccountFor15Minutes() throws Exception {
        user("wang.wu", parkOrg(), "park-regulator");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> auth.login("wang.wu", "Wrong-Pass-99", "10.0.0.2"))
                    .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.detail()).isEqualTo(AuthService.BAD_CREDENTIALS));
        }
        assertThat(status(() -> auth.login("wang.wu", PASSWORD, "10.0.0.2"))).as("locked even with the right password").isEqualTo(401);
        clock.advance(Duration.ofMinutes(14));
        assertThat(status(() -> auth.login("wang.wu", PASSWORD, "10.0.0.2"))).isEqualTo(401);
        clock.advance(Duration.ofMinutes(2));
        assertThat(auth.login("wang.wu", PASSWORD, "10.0.0.2").accessToken()).isNotBlank();
        assertThat(count("SELECT count(*) FROM security.audit_log WHERE action = 'ACCOUNT_LOCKED' AND username = 'wang.wu'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM security.audit_log WHERE action = 'LOGIN_FAILED' AND username = 'wang.wu'")).isEqualTo(7);
        // an unknown user gets the very same answer
        assertThatThrownBy(() -> auth.login("nobody", PASSWORD, "10.0.0.2"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.detail()).isEqualTo(AuthService.BAD_CREDENTIALS));
    }

    @Test
    void refreshTokensRotateAndAReusedOneEndsTheSession() throws Exception {
        user("zhao.liu", parkOrg(), "park-regulator");
        Dto.Tokens t1 = auth.login("zhao.liu", PASSWORD, "10.0.0.3");
        clock.advance(Duration.ofMinutes(5));
        Dto.Tokens t2 = auth.refresh(t1.refreshToken(), "10.0.0.3");
        assertThat(t2.refreshToken()).isNotEqualTo(t1.refreshToken());
        assertThat(t2.accessToken()).isNotEqualTo(t1.accessToken());
        auth.authenticate(t2.accessToken());
        assertThat(count("SELECT count(*) FROM security.session WHERE refresh_hash = '" + AuthService.sha256(t1.refreshToken()) + "'")).isZero();

        assertThatThrownBy(() -> auth.refresh(t1.refreshToken(), "6.6.6.6")).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.status()).isEqualTo(401));
        // the reuse ended the session: the thief and the user both have to log in again
        assertThat(status(() -> auth.refresh(t2.refreshToken(), "10.0.0.3"))).isEqualTo(401);
        assertThat(status(() -> auth.authenticate(t2.accessToken()))).isEqualTo(401);
        assertThat(count("SELECT count(*) FROM security.audit_log WHERE action = 'REFRESH_TOKEN_REUSED'")).isEqualTo(1);
        assertThat(status(() -> auth.refresh("made-up", "10.0.0.3"))).isEqualTo(401);
    }

    @Test
    void logoutRevokesAndTamperedOrExpiredTokensAreRejected() throws Exception {
        user("sun.qi", parkOrg(), "park-regulator");
        Dto.Tokens t = auth.login("sun.qi", PASSWORD, "10.0.0.4");
        Principal p = auth.authenticate(t.accessToken());
        assertThat(p.subject().hasPermission("asset:read")).isTrue();
        assertThat(p.subject().hasPermission("security:read")).isFalse();

        String[] parts = t.accessToken().split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1);
        assertThatThrownBy(() -> auth.authenticate(tampered)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(401));

        auth.logout(p, "10.0.0.4");
        assertThatThrownBy(() -> auth.authenticate(t.accessToken())).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.detail()).contains("session has ended"));
        assertThat(status(() -> auth.refresh(t.refreshToken(), "10.0.0.4"))).isEqualTo(401);

        Dto.Tokens t2 = auth.login("sun.qi", PASSWORD, "10.0.0.4");
        clock.advance(Duration.ofMinutes(16));
        assertThatThrownBy(() -> auth.authenticate(t2.accessToken())).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.detail()).contains("expired"));
        // through the filter: 401 without a token or with garbage, also for a public endpoint's caller nothing breaks
        assertThat(status(() -> SecurityFilter.decide(NEEDS_SECURITY_READ, null, false, auth))).isEqualTo(401);
        assertThat(status(() -> SecurityFilter.decide(NEEDS_SECURITY_READ, "Basic YWRtaW4=", false, auth))).isEqualTo(401);
        assertThat(SecurityFilter.decide(new SecurityFilter.Rule(SecurityFilter.Rule.Kind.PUBLIC, null), "Bearer junk", false, auth)).isNull();
    }

    @Test
    void passwordChangeEndsTheOtherSessionsAndTheSessionLimitIsThree() throws Exception {
        user("zhou.ba", parkOrg(), "park-regulator");
        Dto.Tokens a = auth.login("zhou.ba", PASSWORD, "10.0.0.5");
        Dto.Tokens b = auth.login("zhou.ba", PASSWORD, "10.0.0.6");
        auth.changePassword(auth.authenticate(a.accessToken()), PASSWORD, "Changed-Pass-1", "10.0.0.5");
        auth.authenticate(a.accessToken());
        assertThat(status(() -> auth.authenticate(b.accessToken()))).isEqualTo(401);

        clock.advance(Duration.ofSeconds(1));
        Dto.Tokens s2 = auth.login("zhou.ba", "Changed-Pass-1", "10.0.0.5");
        clock.advance(Duration.ofSeconds(1));
        Dto.Tokens s3 = auth.login("zhou.ba", "Changed-Pass-1", "10.0.0.5");
        clock.advance(Duration.ofSeconds(1));
        Dto.Tokens s4 = auth.login("zhou.ba", "Changed-Pass-1", "10.0.0.5");
        assertThat(status(() -> auth.authenticate(a.accessToken()))).as("the oldest of 4 sessions ended").isEqualTo(401);
        auth.authenticate(s2.accessToken());
        auth.authenticate(s3.accessToken());
        auth.authenticate(s4.accessToken());
        assertThat(count("SELECT count(*) FROM security.session s JOIN security.user_account u ON u.id = s.user_id "
                + "WHERE u.username = 'zhou.ba' AND s.revoked_at IS NULL")).isEqualTo(3);
    }

    @Test
    void sessionsEndAfter30MinutesWithoutActivity() throws Exception {
        user("wu.jiu", parkOrg(), "park-regulator");
        Dto.Tokens t = auth.login("wu.jiu", PASSWORD, "10.0.0.7");
        clock.advance(Duration.ofMinutes(10));
        auth.authenticate(t.accessToken()); // activity
        clock.advance(Duration.ofMinutes(25));
        Dto.Tokens t2 = auth.refresh(t.refreshToken(), "10.0.0.7"); // 25 min idle: still alive
        clock.advance(Duration.ofMinutes(31));
        assertThatThrownBy(() -> auth.refresh(t2.refreshToken(), "10.0.0.7")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(401));
        // a new login does not count idle sessions against the limit of 3
        auth.login("wu.jiu", PASSWORD, "10.0.0.7");
    }

    @Test
    void loginIsRateLimitedPerAddress() {
        LoginRateLimiter l = new LoginRateLimiter(10, clock);
        for (int i = 0; i < 10; i++) {
            assertThat(l.tryAcquire("1.2.3.4")).isTrue();
        }
        assertThat(l.tryAcquire("1.2.3.4")).isFalse();
        assertThat(l.tryAcquire("5.6.7.8")).isTrue();
        assertThat(l.retryAfterSeconds("1.2.3.4")).isBetween(1L, 60L);
        clock.advance(Duration.ofSeconds(61));
        assertThat(l.tryAcquire("1.2.3.4")).isTrue();
    }

    @Test
    void enterpriseUserIsScopedToItsEnterpriseAndCannotAdministerSecurity() throws Exception {
        Dto.Organisation ent = sec.directory.createOrganisation(new Dto.Organisation(null, "ent-101", "某化工有限公司", OrganisationType.ENTERPRISE,
                null, 101L, null, true), Actor.system());
        long id = user("qian.shi", ent.id(), "enterprise-safety");
        assertThatThrownBy(() -> sec.directory.updateUser(id, new Dto.UserInput("qian.shi", null, ent.id(), List.of("park-admin"), null, null,
                null, true, null), Actor.system(), sec.policy, auth)).isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.status()).isEqualTo(422));

        Principal p = auth.authenticate(auth.login("qian.shi", PASSWORD, "10.0.0.8").accessToken());
        assertThat(p.subject().enterpriseId()).isEqualTo(101L);
        assertThat(p.subject().hasPermission("asset:write")).isTrue();
        assertThat(p.subject().hasPermission("security:read")).isFalse();
        assertThat(status(() -> SecurityFilter.decide(NEEDS_SECURITY_READ, "Bearer " + auth.login("qian.shi", PASSWORD, "x").accessToken(),
                false, auth))).isEqualTo(403);
        SubjectHolder.set(p.subject());
        DataScope.requireEnterprise(101);
        assertThatThrownBy(() -> DataScope.requireEnterprise(102)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        assertThat(DataScope.current().enterpriseFilter()).contains(Set.of(101L));

        Dto.Organisation contractor = sec.directory.createOrganisation(new Dto.Organisation(null, "contractor-1", "检维修公司",
                OrganisationType.CONTRACTOR, null, null, List.of(101L, 103L), true), Actor.system());
        long cid = user("zheng.yi", contractor.id(), "enterprise-safety");
        Principal cp = auth.authenticate(auth.login("zheng.yi", PASSWORD, "10.0.0.9").accessToken());
        assertThat(cp.subject().dataScope().enterpriseFilter()).contains(Set.of(101L, 103L));
        assertThat(cid).isPositive();
        // a grant change reaches the contractor's next request (the session cache is dropped on directory changes)
        sec.directory.updateOrganisation(contractor.id(), new Dto.Organisation(null, "contractor-1", "检维修公司", OrganisationType.CONTRACTOR,
                null, null, List.of(103L), true), Actor.system());
        assertThat(auth.authenticate(auth.login("zheng.yi", PASSWORD, "10.0.0.9").accessToken()).subject().grantedEnterpriseIds())
                .containsExactly(103L);
    }

    @Test
    void injectionStringsAreStoredAndReturnedAsText() throws Exception {
        String evil = "Robert'); DROP TABLE security.user_account; --";
        Dto.Organisation o = sec.directory.createOrganisation(new Dto.Organisation(null, "dept-1", evil, OrganisationType.DEPARTMENT,
                parkOrg(), null, null, true), Actor.system());
        long id = sec.directory.createUser(new Dto.UserInput("xss.user", "<script>alert(1)</script>" + evil, o.id(), List.of("auditor"),
                "en", "a@b.c' OR '1'='1", null, true, null), Actor.system(), auth.hasher(), sec.policy).user().id();
        assertThat(sec.directory.organisation(o.id()).name()).isEqualTo(evil);
        Dto.User u = sec.directory.user(id);
        assertThat(u.displayName()).isEqualTo("<script>alert(1)</script>" + evil);
        assertThat(u.email()).isEqualTo("a@b.c' OR '1'='1");
        assertThat(sec.directory.users(PageQuery.parse(0, 10, null, Directory.USER_SORT), "' OR '1'='1", null).total()).isZero();
        assertThat(sec.directory.users(PageQuery.parse(0, 10, null, Directory.USER_SORT), "%", null).total()).isZero();
        assertThat(sec.directory.users(PageQuery.parse(0, 10, "-username", Directory.USER_SORT), "DROP TABLE", null).total()).isEqualTo(1);
        assertThat(status(() -> sec.directory.createUser(new Dto.UserInput("bad'name", null, o.id(), List.of(), null, null, null, null, null),
                Actor.system(), auth.hasher(), sec.policy))).isEqualTo(422);
        assertThat(status(() -> auth.login("admin' --", "x", "1.1.1.1"))).isEqualTo(401);
        assertThat(sec.audit.query(new AuditLog.Filter("admin' --", null, null, null, null), PageQuery.parse(0, 5, null, Set.of())).total())
                .isEqualTo(1);
        assertThat(sec.audit.verify().intact()).isTrue();
    }

    @Test
    void builtInRolesAreFixedAndChangesAreAudited() throws Exception {
        Dto.Role admin = sec.directory.roles().stream().filter(r -> r.code().equals("park-admin")).findFirst().orElseThrow();
        assertThat(admin.permissions()).containsExactly("*");
        assertThat(status(() -> sec.directory.updateRole(admin.id(), admin, Actor.system()))).isEqualTo(409);
        assertThat(status(() -> sec.directory.deleteRole(admin.id(), Actor.system()))).isEqualTo(409);
        Dto.Role r = sec.directory.createRole(new Dto.Role(null, "duty-officer", "值班员", "Duty officer", null,
                List.of("asset:read", "alarm:*"), null), Actor.system());
        assertThat(status(() -> sec.directory.createRole(new Dto.Role(null, "bad", "x", "x", null, List.of("DROP TABLE"), null),
                Actor.system()))).isEqualTo(422);
        long uid = user("duty.1", parkOrg(), "duty-officer");
        Principal p = auth.authenticate(auth.login("duty.1", PASSWORD, "1.1.1.1").accessToken());
        assertThat(p.subject().hasPermission("alarm:acknowledge")).isTrue();
        sec.directory.updateRole(r.id(), new Dto.Role(null, "duty-officer", "值班员", "Duty officer", null, List.of("asset:read"), null),
                Actor.system());
        Dto.Tokens t = auth.login("duty.1", PASSWORD, "1.1.1.1");
        assertThat(auth.authenticate(t.accessToken()).subject().hasPermission("alarm:acknowledge")).isFalse();
        assertThat(status(() -> sec.directory.deleteRole(r.id(), Actor.system()))).as("still assigned").isEqualTo(409);
        assertThat(count("SELECT count(*) FROM security.audit_log WHERE action = 'ROLE_CHANGED'")).isEqualTo(2);
        // lock ends the sessions at once, unlock lets the user in again
        sec.directory.setLocked(uid, true, Actor.system(), auth);
        assertThat(status(() -> auth.authenticate(t.accessToken()))).isEqualTo(401);
        assertThat(status(() -> auth.login("duty.1", PASSWORD, "1.1.1.1"))).isEqualTo(401);
        sec.directory.setLocked(uid, false, Actor.system(), auth);
        Dto.UserWithPassword reset = sec.directory.resetPassword(uid, Actor.system(), auth.hasher(), auth);
        assertThat(auth.login("duty.1", reset.temporaryPassword(), "1.1.1.1").mustChangePassword()).isTrue();
    }
}
