package org.chempark.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** HS256 tokens: only untouched, unexpired tokens signed with our key pass. */
class JwtTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final TestDb.MutableClock clock = new TestDb.MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    private final Jwt jwt = new Jwt(KEY, clock);

    private String token() {
        Instant now = clock.instant();
        return jwt.sign(new Jwt.Claims(42, "zhang.san", "sid-1", now, now.plus(Duration.ofMinutes(15))));
    }

    @Test
    void signsAndVerifies() throws Exception {
        Jwt.Claims c = jwt.verify(token());
        assertThat(c.userId()).isEqualTo(42);
        assertThat(c.username()).isEqualTo("zhang.san");
        assertThat(c.sessionId()).isEqualTo("sid-1");
        assertThat(token().split("\\.")).hasSize(3);
    }

    @Test
    void tamperedSignatureOrPayloadIsRejected() {
        String t = token();
        String[] p = t.split("\\.");
        char last = p[2].charAt(0);
        String badSig = p[0] + "." + p[1] + "." + (last == 'A' ? 'B' : 'A') + p[2].substring(1);
        assertThatThrownBy(() -> jwt.verify(badSig)).isInstanceOf(Jwt.InvalidToken.class).hasMessageContaining("signature");
        String payload = new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8).replace("\"42\"", "\"1\"");
        String badPayload = p[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + p[2];
        assertThatThrownBy(() -> jwt.verify(badPayload)).isInstanceOf(Jwt.InvalidToken.class).hasMessageContaining("signature");
        Jwt other = new Jwt("another-key-another-key-another-k".getBytes(StandardCharsets.US_ASCII), clock);
        assertThatThrownBy(() -> other.verify(t)).isInstanceOf(Jwt.InvalidToken.class);
    }

    @Test
    void algNoneAndOtherHeadersAreRejected() {
        String[] p = token().split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> jwt.verify(none + "." + p[1] + ".")).isInstanceOf(Jwt.InvalidToken.class);
        assertThatThrownBy(() -> jwt.verify(none + "." + p[1] + "." + p[2])).isInstanceOf(Jwt.InvalidToken.class).hasMessageContaining("header");
        assertThatThrownBy(() -> jwt.verify("not-a-token")).isInstanceOf(Jwt.InvalidToken.class);
        assertThatThrownBy(() -> jwt.verify(null)).isInstanceOf(Jwt.InvalidToken.class);
    }

    @Test
    void expiredTokenIsRejected() throws Exception {
        String t = token();
        clock.advance(Duration.ofMinutes(14));
        jwt.verify(t);
        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> jwt.verify(t)).isInstanceOf(Jwt.InvalidToken.class).hasMessageContaining("expired");
    }

    @Test
    void shortKeysAreRefused() {
        assertThatThrownBy(() -> new Jwt(new byte[16], clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
