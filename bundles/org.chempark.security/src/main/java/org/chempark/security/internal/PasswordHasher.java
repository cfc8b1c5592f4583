package org.chempark.security.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2WithHmacSHA256 with a random 16-byte salt per password, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64) so the iteration count can be
 * raised later without breaking stored hashes.
 */
final class PasswordHasher {
    static final int MIN_ITERATIONS = 210_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    /** Verified against for unknown users, so a wrong username takes as long as a wrong password. */
    private final String dummy;

    PasswordHasher(int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("at least " + MIN_ITERATIONS + " PBKDF2 iterations are required");
        }
        this.iterations = iterations;
        this.dummy = hash("dummy-password-for-timing".toCharArray());
    }

    String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] h = pbkdf2(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(h);
    }

    boolean verify(char[] password, String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        int n;
        try {
            n = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = pbkdf2(password, salt, n);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the same time as a real verification; always false. */
    boolean verifyDummy(char[] password) {
        verify(password, dummy);
        return false;
    }

    int iterations() {
        return iterations;
    }

    static int iterationsOf(String encoded) {
        String[] parts = encoded.split("\\$");
        return parts.length == 4 ? Integer.parseInt(parts[1]) : 0;
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** A random password that meets any policy of up to 4 classes (for first start and resets). */
    String randomPassword(int length) {
        String lower = "abcdefghijkmnopqrstuvwxyz";
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        String digits = "23456789";
        String symbols = "!#%+-=?@_";
        String all = lower + upper + digits + symbols;
        char[] c = new char[Math.max(length, 16)];
        c[0] = lower.charAt(random.nextInt(lower.length()));
        c[1] = upper.charAt(random.nextInt(upper.length()));
        c[2] = digits.charAt(random.nextInt(digits.length()));
        c[3] = symbols.charAt(random.nextInt(symbols.length()));
        for (int i = 4; i < c.length; i++) {
            c[i] = all.charAt(random.nextInt(all.length()));
        }
        for (int i = c.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char t = c[i];
            c[i] = c[j];
            c[j] = t;
        }
        String s = new String(c);
        Arrays.fill(c, '\0');
        return s;
    }
}
