package org.chempark.bridge.opcua.server.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes for the server bridge's account:
 * {@code pbkdf2-sha256:<iterations>:<salt base64>:<hash base64>}. Run
 * {@code java -cp org.chempark.bridge.opcua.server-<version>.jar org.chempark.bridge.opcua.server.internal.PasswordHash}
 * and type the password to get a value for {@code passwordHash}.
 */
public final class PasswordHash {
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int ITERATIONS = 210_000;

    private PasswordHash() {
    }

    public static String hash(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return PREFIX + ":" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS));
    }

    /** Whether {@code password} matches {@code hash}; false for a malformed hash. */
    public static boolean verify(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        String[] p = hash.trim().split(":");
        if (p.length != 4 || !PREFIX.equals(p[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(p[1]);
            byte[] salt = Base64.getDecoder().decode(p[2]);
            byte[] expected = Base64.getDecoder().decode(p[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code hash} has the expected form. */
    static boolean wellFormed(String hash) {
        String[] p = hash == null ? new String[0] : hash.trim().split(":");
        return p.length == 4 && PREFIX.equals(p[0]) && p[1].matches("\\d{4,9}");
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17", e);
        }
    }

    public static void main(String[] args) {
        String pw;
        if (args.length > 0) {
            pw = args[0];
        } else if (System.console() != null) {
            pw = new String(System.console().readPassword("Password: "));
        } else {
            pw = new String(readAll(), StandardCharsets.UTF_8).strip();
        }
        System.out.println(hash(pw));
    }

    private static byte[] readAll() {
        try {
            return System.in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
