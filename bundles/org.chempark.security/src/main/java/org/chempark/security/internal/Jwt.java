package org.chempark.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Compact JWS with HS256 (RFC 7515/7519), JDK only. The header is fixed; a token whose
 * header says anything else (another algorithm, {@code none}) is refused before its
 * signature is even looked at. Claims: {@code iss}, {@code sub} (user id), {@code name},
 * {@code sid} (session id), {@code iat}, {@code exp}.
 */
final class Jwt {
    static final String ISSUER = "chempark";
    private static final String HEADER_JSON = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String HEADER = B64.encodeToString(HEADER_JSON.getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tolerated clock difference between nodes. */
    private static final long SKEW_SECONDS = 30;

    record Claims(long userId, String username, String sessionId, Instant issuedAt, Instant expiresAt) {
    }

    /** Why a token was refused; the message is safe to show. */
    static final class InvalidToken extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidToken(String message) {
            super(message, null, false, false);
        }
    }

    private final SecretKeySpec key;
    private final Clock clock;

    Jwt(byte[] secret, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("an HS256 key needs at least 256 bits");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(key);
                return m;
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
        this.clock = clock;
    }

    String sign(Claims c) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", ISSUER);
        payload.put("sub", Long.toString(c.userId()));
        payload.put("name", c.username());
        payload.put("sid", c.sessionId());
        payload.put("iat", c.issuedAt().getEpochSecond());
        payload.put("exp", c.expiresAt().getEpochSecond());
        try {
            String body = B64.encodeToString(JSON.writeValueAsBytes(payload));
            String signingInput = HEADER + "." + body;
            return signingInput + "." + B64.encodeToString(mac(signingInput));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Claims verify(String token) throws InvalidToken {
        return verify(token, true);
    }

    /**
     * @param checkExpiry false to accept a correctly signed token past its {@code exp}: a long-lived
     *        connection opened with it lives as long as its session, not as long as the token
     */
    Claims verify(String token, boolean checkExpiry) throws InvalidToken {
        if (token == null || token.length() > 4096) {
            throw new InvalidToken("malformed token");
        }
        int a = token.indexOf('.');
        int b = token.indexOf('.', a + 1);
        if (a < 0 || b < 0 || token.indexOf('.', b + 1) >= 0) {
            throw new InvalidToken("malformed token");
        }
        if (!token.substring(0, a).equals(HEADER)) {
            throw new InvalidToken("unsupported token header (only HS256 is accepted)");
        }
        byte[] signature;
        try {
            signature = B64D.decode(token.substring(b + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidToken("malformed signature");
        }
        if (!MessageDigest.isEqual(signature, mac(token.substring(0, b)))) {
            throw new InvalidToken("bad signature");
        }
        Map<String, Object> claims;
        try {
            claims = JSON.readValue(B64D.decode(token.substring(a + 1, b)), new TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new InvalidToken("malformed claims");
        }
        if (!ISSUER.equals(claims.get("iss"))) {
            throw new InvalidToken("wrong issuer");
        }
        if (!(claims.get("exp") instanceof Number exp) || !(claims.get("iat") instanceof Number iat)
                || !(claims.get("sub") instanceof String sub) || !(claims.get("sid") instanceof String sid)
                || !(claims.get("name") instanceof String name)) {
            throw new InvalidToken("incomplete claims");
        }
        long now = clock.instant().getEpochSecond();
        if (checkExpiry && now >= exp.longValue() + SKEW_SECONDS) {
            throw new InvalidToken("token expired");
        }
        if (iat.longValue() > now + SKEW_SECONDS) {
            throw new InvalidToken("token issued in the future");
        }
        try {
            return new Claims(Long.parseLong(sub), name, sid, Instant.ofEpochSecond(iat.longValue()),
                    Instant.ofEpochSecond(exp.longValue()));
        } catch (NumberFormatException e) {
            throw new InvalidToken("malformed subject");
        }
    }

    /** Mac instances are not thread-safe and costly to look up: one per thread, initialised once. */
    private final ThreadLocal<Mac> macs;

    private byte[] mac(String signingInput) {
        Mac mac = macs.get();
        mac.reset();
        return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    }
}
