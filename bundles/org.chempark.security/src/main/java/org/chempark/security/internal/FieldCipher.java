package org.chempark.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encryption at rest of personal data columns (mobile numbers, 身份证号): AES-256-GCM, a fresh
 * 96-bit nonce per value, the column name as associated data (a value copied into another column
 * does not decrypt). Stored as {@code 0x01 | nonce(12) | ciphertext+tag(16)}.
 *
 * <p>The key is 256 random bits generated on the first start in
 * {@code ${karaf.data}/security/field-encryption.key} (Base64, mode 0600) — deliberately outside
 * the database, so a database dump or backup alone does not reveal the values. Back the file up
 * with the database; without it the values are lost.
 */
final class FieldCipher {
    private static final Logger LOG = LoggerFactory.getLogger(FieldCipher.class);
    static final String KEY_FILE = "field-encryption.key";
    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    FieldCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the field encryption key must be 256 bits");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The key in {@code dir/field-encryption.key}, created (0600) when missing. */
    static FieldCipher loadOrCreate(Path dir) {
        Path f = dir.resolve(KEY_FILE);
        try {
            Files.createDirectories(dir);
            if (!Files.exists(f)) {
                byte[] k = new byte[32];
                new SecureRandom().nextBytes(k);
                try {
                    try {
                        Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    } catch (UnsupportedOperationException notPosix) {
                        Files.createFile(f);
                    }
                    Files.writeString(f, Base64.getEncoder().encodeToString(k) + System.lineSeparator(), StandardCharsets.US_ASCII);
                    LOG.info("Generated the personal data encryption key {}; back it up with the database", f.toAbsolutePath());
                    return new FieldCipher(k);
                } catch (FileAlreadyExistsException raced) {
                    // another node or thread created it: read it below
                }
            }
            return new FieldCipher(Base64.getDecoder().decode(Files.readString(f, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read or create the personal data key " + f + ": " + e.getMessage(), e);
        }
    }

    /** Null stays null. */
    byte[] encrypt(String plain, String column) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[1 + NONCE + ct.length];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, NONCE);
            System.arraycopy(ct, 0, out, 1 + NONCE, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Null stays null; a value this key cannot open (other key, tampered) is null and logged. */
    String decrypt(byte[] stored, String column) {
        if (stored == null) {
            return null;
        }
        if (stored.length < 1 + NONCE + TAG_BITS / 8 || stored[0] != VERSION) {
            LOG.warn("A value in {} is not in the expected encrypted form; shown as empty", column);
            return null;
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE));
            c.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(stored, 1 + NONCE, stored.length - 1 - NONCE), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            LOG.warn("A value in {} does not decrypt with the key in {} (other key or altered); shown as empty", column, KEY_FILE);
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
