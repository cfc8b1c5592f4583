package org.chempark.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.chempark.sdk.security.OrganisationType;
import org.chempark.sdk.security.Subject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK's TokenAuthenticator (WebSocket logins) against a real embedded PostgreSQL: the REST filter's checks. */
class TokenAuthenticatorTest {
    static final String PASSWORD = "Chem-Park-2025";

    @TempDir
    Path dir;
    TestDb.MutableClock clock;
    Security sec;
    TokenAuthenticatorService tokens;

    @BeforeEach
    void start() throws Exception {
        clock = new TestDb.MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
        sec = TestDb.freshSecurity(Policy.defaults(), clock, dir.resolve("security"));
        tokens = new TokenAuthenticatorService(sec.auth);
        long park = sec.directory.organisations().stream().filter(o -> o.type() == OrganisationType.PARK).findFirst().orElseThrow().id();
        long id = sec.directory.createUser(new Dto.UserInput("ws.user", "测试 ws", park, List.of("park-regulator"), null, null, null, null, PASSWORD),
                Actor.system(), sec.auth.hasher(), sec.policy).user().id();
        try (Connection c = sec.db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE security.user_account SET must_change_password = false WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    @Test
    void aValidTokenGivesTheSubjectAndGarbageGivesNothing() {
        String access = sec.auth.login("ws.user", PASSWORD, "10.0.0.9").accessToken();
        Subject s = tokens.authenticate(access).orElseThrow();
        assertThat(s.username()).isEqualTo("ws.user");
        assertThat(s.hasPermission("asset:read")).isTrue();
        assertThat(tokens.stillValid(access)).isTrue();

        assertThat(tokens.authenticate(null)).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
        assertThat(tokens.authenticate("not.a.token")).isEmpty();
        assertThat(tokens.stillValid(null)).isFalse();
        assertThat(tokens.stillValid("x.y.z")).isFalse();
        // one character of the payload changed: the signature no longer matches
        int dot = access.indexOf('.');
        char c = access.charAt(dot + 3);
        String tampered = access.substring(0, dot + 3) + (c == 'A' ? 'B' : 'A') + access.substring(dot + 4);
        assertThat(tokens.authenticate(tampered)).isEmpty();
        assertThat(tokens.stillValid(tampered)).isFalse();
    }

    @Test
    void anExpiredTokenCannotOpenAConnectionButAnOpenOneLivesWithItsSession() {
        String access = sec.auth.login("ws.user", PASSWORD, "10.0.0.9").accessToken();
        assertThat(tokens.authenticate(access)).isPresent();
        clock.advance(Duration.ofMinutes(40));
        // 40 minutes later the access token is past its 15 minutes and the session idle for 40 > 30 minutes
        assertThat(tokens.authenticate(access)).as("expired access token").isEmpty();
        assertThat(tokens.stillValid(access)).as("idle session").isFalse();
    }

    @Test
    void stillValidIgnoresTheTokenExpiryButNotIdleTimeLogoutOrLifetime() {
        Dto.Tokens t = sec.auth.login("ws.user", PASSWORD, "10.0.0.9");
        String access = t.accessToken();
        clock.advance(Duration.ofMinutes(20));
        assertThat(tokens.authenticate(access)).as("access token expired after 15 min").isEmpty();
        assertThat(tokens.stillValid(access)).as("session alive: 20 < 30 min idle").isTrue();
        // the re-check is not activity: 11 more minutes without a REST call end the session
        clock.advance(Duration.ofMinutes(11));
        assertThat(tokens.stillValid(access)).isFalse();

        // logout ends a connection at its next check
        Dto.Tokens t2 = sec.auth.login("ws.user", PASSWORD, "10.0.0.9");
        Principal p = sec.auth.authenticate(t2.accessToken());
        assertThat(tokens.stillValid(t2.accessToken())).isTrue();
        sec.auth.logout(p, "10.0.0.9");
        assertThat(tokens.stillValid(t2.accessToken())).isFalse();
        assertThat(tokens.authenticate(t2.accessToken())).isEmpty();

        // the 8-hour session lifetime: refreshed and active, yet over after 8 hours
        Dto.Tokens t3 = sec.auth.login("ws.user", PASSWORD, "10.0.0.9");
        String refresh = t3.refreshToken();
        String latest = t3.accessToken();
        for (int i = 0; i < 34; i++) {
            clock.advance(Duration.ofMinutes(14));
            Dto.Tokens n = sec.auth.refresh(refresh, "10.0.0.9");
            refresh = n.refreshToken();
            latest = n.accessToken();
            assertThat(tokens.authenticate(latest)).isPresent();
        }
        assertThat(tokens.stillValid(t3.accessToken())).as("first token of the live session").isTrue();
        clock.advance(Duration.ofMinutes(14));
        assertThat(tokens.stillValid(latest)).as("past 8 hours").isFalse();
    }

    @Test
    void aUserWhoMustChangeThePasswordGetsNoConnection() throws Exception {
        String initial = java.nio.file.Files.readString(dir.resolve("security/initial-admin-password")).trim();
        String access = sec.auth.login("admin", initial, "10.0.0.9").accessToken();
        assertThat(tokens.authenticate(access)).isEmpty();
        assertThat(tokens.stillValid(access)).isFalse();
    }
}
