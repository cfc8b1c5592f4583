package org.chempark.asset.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.ProblemException;

/**
 * The park's optional raster base layer (底图, issue 6): one PNG or JPEG image a park uploads (an orthophoto or
 * its master plan) with the extent it covers in the park's frame (metres east/north, as the GeoJSON). Kept as a file
 * under the data folder next to a small properties file; both are written to temporary files, forced to disk and
 * moved into place, the image first, so a failed upload never leaves a half-written layer.
 */
final class BaseLayerStore {
    /** Largest image accepted (bytes). */
    static final long MAX_BYTES = 20L << 20;

    /** What is stored: content type, size, SHA-256, extent [minX, minY, maxX, maxY], who and when. */
    record Info(String contentType, long bytes, String sha256, double[] extent, String uploadedBy, Instant uploadedAt) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("contentType", contentType);
            m.put("bytes", bytes);
            m.put("sha256", sha256);
            m.put("extent", extent);
            m.put("uploadedBy", uploadedBy);
            m.put("uploadedAt", uploadedAt);
            m.put("url", "/api/v1/asset/map/base-layer");
            return m;
        }
    }

    private final Path dir;

    BaseLayerStore(Path dir) {
        this.dir = dir;
    }

    private Path image() {
        return dir.resolve("base-layer.img");
    }

    private Path meta() {
        return dir.resolve("base-layer.properties");
    }

    synchronized Optional<Info> info() {
        if (!Files.exists(meta()) || !Files.exists(image())) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(meta())) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            String[] e = p.getProperty("extent").split(",");
            double[] extent = new double[4];
            for (int i = 0; i < 4; i++) {
                extent[i] = Double.parseDouble(e[i].trim());
            }
            return Optional.of(new Info(p.getProperty("contentType"), Long.parseLong(p.getProperty("bytes")), p.getProperty("sha256"), extent,
                    p.getProperty("uploadedBy"), Instant.parse(p.getProperty("uploadedAt"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    synchronized InputStream open() throws IOException {
        return Files.newInputStream(image());
    }

    /**
     * Stores a new base layer, replacing the old one only when the whole upload was good.
     *
     * @throws ProblemException 413 when larger than {@link #MAX_BYTES}, 415 for another type, 422 for a bad extent or
     *                          content that is not the declared image type
     */
    synchronized Info save(String contentType, Double minX, Double minY, Double maxX, Double maxY, InputStream body, String user)
            throws IOException {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
        if (!type.equals("image/png") && !type.equals("image/jpeg")) {
            throw new ProblemException(415, "Unsupported media type",
                    "Send the image as image/png or image/jpeg (Content-Type), got '" + type + "'", List.of());
        }
        List<FieldError> errors = new java.util.ArrayList<>();
        Double[] v = { minX, minY, maxX, maxY };
        String[] names = { "minX", "minY", "maxX", "maxY" };
        for (int i = 0; i < 4; i++) {
            if (v[i] == null || !Double.isFinite(v[i])) {
                errors.add(new FieldError(names[i], "required", names[i] + " (metres in the park frame) is required as a query parameter"));
            }
        }
        if (errors.isEmpty() && (minX >= maxX || minY >= maxY)) {
            errors.add(new FieldError("maxX", "order", "the extent must have minX < maxX and minY < maxY"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "upload-", ".tmp");
        try {
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            long n = 0;
            byte[] head = new byte[8];
            int headLen = 0;
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buf = new byte[64 * 1024];
                for (int r; (r = body.read(buf)) > 0;) {
                    n += r;
                    if (n > MAX_BYTES) {
                        throw new ProblemException(413, "Payload too large",
                                "The base layer may be at most " + (MAX_BYTES >> 20) + " MiB; reduce its resolution or use JPEG", List.of());
                    }
                    if (headLen < head.length) {
                        int c = Math.min(head.length - headLen, r);
                        System.arraycopy(buf, 0, head, headLen, c);
                        headLen += c;
                    }
                    sha.update(buf, 0, r);
                    out.write(buf, 0, r);
                }
            }
            if (!matches(type, head, headLen)) {
                throw ProblemException.invalid(List.of(new FieldError("body", "content",
                        "the body is not a " + type + " image (its first bytes do not match)")));
            }
            force(tmp);
            Instant now = Instant.now();
            Info info = new Info(type, n, HexFormat.of().formatHex(sha.digest()), new double[] { minX, minY, maxX, maxY }, user, now);
            Files.move(tmp, image(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            writeMeta(info);
            return info;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    synchronized boolean delete() throws IOException {
        boolean had = Files.deleteIfExists(meta());
        Files.deleteIfExists(image());
        return had;
    }

    private void writeMeta(Info i) throws IOException {
        Properties p = new Properties();
        p.setProperty("contentType", i.contentType());
        p.setProperty("bytes", Long.toString(i.bytes()));
        p.setProperty("sha256", i.sha256());
        double[] e = i.extent();
        p.setProperty("extent", e[0] + "," + e[1] + "," + e[2] + "," + e[3]);
        p.setProperty("uploadedBy", i.uploadedBy() == null ? "" : i.uploadedBy());
        p.setProperty("uploadedAt", i.uploadedAt().toString());
        Path tmp = Files.createTempFile(dir, "meta-", ".tmp");
        try {
            try (var w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "ChemPark park base layer");
            }
            force(tmp);
            Files.move(tmp, meta(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void force(Path p) throws IOException {
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.WRITE)) {
            c.force(true);
        }
    }

    /** PNG: 89 50 4E 47 0D 0A 1A 0A; JPEG: FF D8 FF. */
    static boolean matches(String type, byte[] head, int len) {
        if (type.equals("image/png")) {
            byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
            return len >= 8 && java.util.Arrays.equals(java.util.Arrays.copyOf(head, 8), png);
        }
        return len >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF;
    }
}
