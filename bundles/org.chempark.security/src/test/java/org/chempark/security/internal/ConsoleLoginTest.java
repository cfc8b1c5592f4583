package org.chempark.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.Principal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.chempark.sdk.security.OrganisationType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console JAAS login module against the platform's users in a real embedded PostgreSQL (R-S, R-I.8). */
class ConsoleLoginTest {
    static final String PASSWORD = "Chem-Park-2025";

    @TempDir
    Path dir;
    Security sec;

    @BeforeEach
    void start() throws Exception {
        sec = TestDb.freshSecurity(Policy.defaults(), new TestDb.MutableClock(Instant.parse("2025-03-01T08:00:00Z")), dir.resolve("security"));
        long park = sec.directory.organisations().stream().filter(o -> o.type() == OrganisationType.PARK).findFirst().orElseThrow().id();
        sec.directory.createRole(new Dto.Role(null, "ops", "运维", "Operations", null, List.of("security:console"), null), Actor.system());
        user("ops.user", park, "ops");
        user("plain.user", park, "park-regulator");
    }

    private void user(String name, long org, String role) throws Exception {
        long id = sec.directory.createUser(new Dto.UserInput(name, name, org, List.of(role), null, null, null, null, PASSWORD),
                Actor.system(), sec.auth.hasher(), sec.policy).user().id();
        try (Connection c = sec.db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE security.user_account SET must_change_password = false WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    private Subject login(String username, String password) throws Exception {
        ChemParkLoginModule m = new ChemParkLoginModule();
        Subject subject = new Subject();
        Map<String, Object> options = new HashMap<>();
        options.put(ChemParkLoginModule.AUTHENTICATOR,
                (ChemParkLoginModule.Authenticator) (u, p) -> sec.auth.consoleLogin(u, p, "console", ConsoleRealm.PERMISSION));
        m.initialize(subject, callbacks -> {
            for (var cb : callbacks) {
                if (cb instanceof NameCallback n) {
                    n.setName(username);
                } else if (cb instanceof PasswordCallback p) {
                    p.setPassword(password.toCharArray());
                }
            }
        }, new HashMap<>(), options);
        m.login();
        m.commit();
        return subject;
    }

    private long count(String sql) throws Exception {
        try (Connection c = sec.db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aUserWithTheConsolePermissionGetsTheKarafRoles() throws Exception {
        Subject s = login("ops.user", PASSWORD);
        assertThat(s.getPrincipals(UserPrincipal.class)).extracting(Principal::getName).containsExactly("ops.user");
        assertThat(s.getPrincipals(RolePrincipal.class)).extracting(Principal::getName)
                .containsExactlyInAnyOrder("admin", "manager", "viewer", "systembundles", "ssh");
        assertThat(count("SELECT count(*) FROM security.audit_log WHERE action = 'LOGIN' AND username = 'ops.user' AND path = 'console'"))
                .isEqualTo(1);
    }

    @Test
    void aUserWithoutThePermissionIsRefusedAndAudited() throws Exception {
        assertThatThrownBy(() -> login("plain.user", PASSWORD)).isInstanceOf(FailedLoginException.class)
                .hasMessageContaining("security:console");
        assertThat(count("SELECT count(*) FROM security.audit_log WHERE action = 'ACCESS_DENIED' AND username = 'plain.user'")).isEqualTo(1);
        // the right password is not a failed login
        assertThat(count("SELECT failed_logins FROM security.user_account WHERE username = 'plain.user'")).isZero();
    }

    @Test
    void wrongPasswordsCountTowardTheSameLockoutAsTheWebLogin() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> login("ops.user", "Wrong-Pass-99")).isInstanceOf(FailedLoginException.class);
        }
        assertThat(count("SELECT failed_logins FROM security.user_account WHERE username = 'ops.user'")).isEqualTo(4);
        // the fifth failure, at the web login, locks the account for the console as well
        assertThatThrownBy(() -> sec.auth.login("ops.user", "Wrong-Pass-99", "10.0.0.1"));
        assertThat(count("SELECT count(*) FROM security.audit_log WHERE action = 'ACCOUNT_LOCKED' AND username = 'ops.user'")).isEqualTo(1);
        assertThatThrownBy(() -> login("ops.user", PASSWORD)).as("locked").isInstanceOf(FailedLoginException.class);
        assertThat(count("SELECT count(*) FROM security.audit_log WHERE action = 'LOGIN_FAILED' AND username = 'ops.user' AND path = 'console'"))
                .isEqualTo(5);
        assertThatThrownBy(() -> login("nobody", PASSWORD)).isInstanceOf(FailedLoginException.class);
    }

    @Test
    void theInitialAdminMustChangeThePasswordInTheWebApplicationFirst() throws Exception {
        String initial = java.nio.file.Files.readString(dir.resolve("security/initial-admin-password")).trim();
        assertThatThrownBy(() -> login("admin", initial)).isInstanceOf(FailedLoginException.class).hasMessageContaining("changed first");
    }
}
