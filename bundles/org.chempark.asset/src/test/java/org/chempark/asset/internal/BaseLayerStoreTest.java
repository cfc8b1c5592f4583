package org.chempark.asset.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.chempark.sdk.rest.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The park map's raster base layer (issue 6): stored whole or not at all, with its extent. */
class BaseLayerStoreTest {
    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
    static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F' };

    @TempDir
    Path dir;

    private static int status(Throwable t) {
        return ((ProblemException) t).status();
    }

    @Test
    void storesTheImageWithItsExtentAndReplacesIt() throws Exception {
        BaseLayerStore s = new BaseLayerStore(dir);
        assertThat(s.info()).isEmpty();
        BaseLayerStore.Info i = s.save("image/png", 0d, 0d, 6000d, 4000d, new ByteArrayInputStream(PNG), "admin");
        assertThat(i.bytes()).isEqualTo(PNG.length);
        assertThat(i.extent()).containsExactly(0, 0, 6000, 4000);
        assertThat(new BaseLayerStore(dir).info()).get().extracting(BaseLayerStore.Info::sha256).isEqualTo(i.sha256());
        try (InputStream in = s.open()) {
            assertThat(in.readAllBytes()).isEqualTo(PNG);
        }
        s.save("image/jpeg; charset=binary", -10d, -10d, 10d, 10d, new ByteArrayInputStream(JPEG), "admin");
        assertThat(s.info()).get().extracting(BaseLayerStore.Info::contentType).isEqualTo("image/jpeg");
        assertThat(s.delete()).isTrue();
        assertThat(s.info()).isEmpty();
        assertThat(s.delete()).isFalse();
    }

    @Test
    void refusesBadUploadsAndKeepsTheOldLayer() throws Exception {
        BaseLayerStore s = new BaseLayerStore(dir);
        s.save("image/png", 0d, 0d, 100d, 100d, new ByteArrayInputStream(PNG), "admin");
        String before = s.info().orElseThrow().sha256();

        assertThatThrownBy(() -> s.save("image/gif", 0d, 0d, 1d, 1d, new ByteArrayInputStream(PNG), "x")).satisfies(e -> assertThat(status(e)).isEqualTo(415));
        assertThatThrownBy(() -> s.save("image/png", null, 0d, 1d, 1d, new ByteArrayInputStream(PNG), "x"))
                .satisfies(e -> assertThat(status(e)).isEqualTo(422)).hasMessageContaining("minX");
        assertThatThrownBy(() -> s.save("image/png", 5d, 0d, 1d, 1d, new ByteArrayInputStream(PNG), "x"))
                .satisfies(e -> assertThat(status(e)).isEqualTo(422)).hasMessageContaining("minX < maxX");
        assertThatThrownBy(() -> s.save("image/png", 0d, 0d, 1d, 1d, new ByteArrayInputStream(JPEG), "x"))
                .satisfies(e -> assertThat(status(e)).isEqualTo(422)).hasMessageContaining("not a image/png");
        InputStream huge = new InputStream() {
            long n;

            @Override
            public int read() {
                return n++ < BaseLayerStore.MAX_BYTES + 10 ? (n <= PNG.length ? PNG[(int) n - 1] & 0xFF : 0) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (n >= BaseLayerStore.MAX_BYTES + 10) {
                    return -1;
                }
                int c = (int) Math.min(len, BaseLayerStore.MAX_BYTES + 10 - n);
                for (int i = 0; i < c; i++) {
                    b[off + i] = (byte) read();
                }
                return c;
            }
        };
        assertThatThrownBy(() -> s.save("image/png", 0d, 0d, 1d, 1d, huge, "x")).satisfies(e -> assertThat(status(e)).isEqualTo(413));

        assertThat(s.info().orElseThrow().sha256()).as("the old layer is untouched").isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary files left").containsExactlyInAnyOrder("base-layer.img",
                    "base-layer.properties");
        }
    }
}
