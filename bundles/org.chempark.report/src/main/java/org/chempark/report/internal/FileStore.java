package org.chempark.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.ProblemException;

/**
 * Files on disk under the data folder, addressed by a random key, with their SHA-256 taken while
 * they are written. Enforces the size limit (413) and the content-type allow-list (415), and checks
 * that the bytes look like what the declared type says (422: a renamed .exe is not a PDF).
 * A download verifies the checksum before a single byte is sent.
 */
final class FileStore {
    /** What was written: key, size and checksum. */
    record Stored(String key, long size, String sha256) {
    }

    private final Path root;
    private final long maxBytes;
    private final Set<String> allowedTypes;

    FileStore(Path root, long maxBytes, Set<String> allowedTypes) {
        this.root = root;
        this.maxBytes = maxBytes;
        this.allowedTypes = Set.copyOf(allowedTypes.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).toList());
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Normalises a Content-Type (drops parameters) and refuses types outside the allow-list with 415. */
    String checkType(String contentType) {
        String t = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!allowedTypes.contains(t)) {
            throw new ProblemException(415, "Unsupported media type", "Files of type '" + t + "' are not accepted; send one of "
                    + new java.util.TreeSet<>(allowedTypes) + " as the request's Content-Type", List.of(new FieldError("Content-Type", "enum",
                            "allowed: " + new java.util.TreeSet<>(allowedTypes))));
        }
        return t;
    }

    /** Writes the stream to a new file; nothing is left behind when it fails. */
    Stored write(InputStream in, String contentType) {
        String key = UUID.randomUUID().toString();
        Path target = path(key);
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), key, ".part");
            MessageDigest md = sha256();
            long size = 0;
            byte[] head = new byte[8];
            int headLen = 0;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (headLen < head.length) {
                        int k = Math.min(n, head.length - headLen);
                        System.arraycopy(buf, 0, head, headLen, k);
                        headLen += k;
                    }
                    size += n;
                    if (size > maxBytes) {
                        throw new ProblemException(413, "Payload too large", "A file may be at most " + maxBytes
                                + " bytes; compress it or split it into several files", List.of(new FieldError("file", "maxSize",
                                        "at most " + maxBytes + " bytes")));
                    }
                    md.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            if (size == 0) {
                throw ProblemException.invalid(List.of(new FieldError("file", "required", "the request body (the file) is empty")));
            }
            if (!looksLike(contentType, head, headLen)) {
                throw ProblemException.invalid(List.of(new FieldError("Content-Type", "content",
                        "the file's content does not match its declared type " + contentType)));
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            return new Stored(key, size, HexFormat.of().formatHex(md.digest()));
        } catch (IOException e) {
            throw new ProblemException(400, "Bad request", "The file could not be read completely: " + e.getMessage(), List.of());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover .part file is harmless
                }
            }
        }
    }

    /** Recomputes the checksum of a stored file. */
    String checksum(String key) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(path(key))) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException ignored) {
            // an orphaned file is harmless; its row is gone
        }
    }

    Path path(String key) {
        if (!key.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("bad storage key");
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }

    /** Magic numbers of the accepted types; text types and unknown ones are not checked. */
    static boolean looksLike(String type, byte[] h, int len) {
        return switch (type) {
            case "application/pdf" -> starts(h, len, '%', 'P', 'D', 'F');
            case "image/png" -> starts(h, len, 0x89, 'P', 'N', 'G');
            case "image/jpeg" -> starts(h, len, 0xFF, 0xD8, 0xFF);
            case "application/zip", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> starts(h, len, 'P', 'K', 3, 4);
            case "application/msword", "application/vnd.ms-excel" -> starts(h, len, 0xD0, 0xCF, 0x11, 0xE0);
            default -> true;
        };
    }

    private static boolean starts(byte[] h, int len, int... magic) {
        if (len < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((h[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
