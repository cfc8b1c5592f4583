package org.chempark.webui.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.chempark.webui.internal.WebPaths.Kind;
import org.junit.jupiter.api.Test;

class WebPathsTest {

    @Test
    void rootAndClientRoutesGetTheApp() {
        assertThat(WebPaths.classify("/")).isEqualTo(Kind.INDEX);
        assertThat(WebPaths.classify("")).isEqualTo(Kind.INDEX);
        assertThat(WebPaths.classify("/map")).isEqualTo(Kind.INDEX);
        assertThat(WebPaths.classify("/asset/enterprises/3")).isEqualTo(Kind.INDEX);
        assertThat(WebPaths.classify("/example")).isEqualTo(Kind.INDEX);
    }

    @Test
    void filesAreFiles() {
        assertThat(WebPaths.classify("/assets/index-C4V9cCxM.js")).isEqualTo(Kind.FILE);
        assertThat(WebPaths.classify("/vendor/vue.js")).isEqualTo(Kind.FILE);
        assertThat(WebPaths.classify("/favicon.ico")).isEqualTo(Kind.FILE);
    }

    @Test
    void otherOwnersPathsAreNeverTheApp() {
        assertThat(WebPaths.classify("/api")).isEqualTo(Kind.PASS);
        assertThat(WebPaths.classify("/api/v1/nothing")).isEqualTo(Kind.PASS);
        assertThat(WebPaths.classify("/system/console")).isEqualTo(Kind.PASS);
    }

    @Test
    void traversalIsRefused() {
        assertThat(WebPaths.classify("/../etc/passwd")).isEqualTo(Kind.NOT_FOUND);
        assertThat(WebPaths.classify("/assets/../../x.js")).isEqualTo(Kind.NOT_FOUND);
        assertThat(WebPaths.classify("/a\\b.js")).isEqualTo(Kind.NOT_FOUND);
        assertThat(WebPaths.classify("//x.js")).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void moduleParts() {
        assertThat(WebPaths.classify("/modules/ui-parts.json")).isEqualTo(Kind.UI_PARTS);
        assertThat(WebPaths.classify("/modules/example/index.js")).isEqualTo(Kind.MODULE_FILE);
        assertThat(WebPaths.moduleFile("/modules/example/sub/a.css")).containsExactly("example", "sub/a.css");
        assertThat(WebPaths.classify("/modules/Bad/index.js")).isEqualTo(Kind.NOT_FOUND);
        assertThat(WebPaths.classify("/modules/example/")).isEqualTo(Kind.NOT_FOUND);
        assertThat(WebPaths.classify("/modules/example")).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void cachingHashedAssetsLongIndexRevalidates() {
        assertThat(WebPaths.cacheControl("/assets/index-C4V9cCxM.js")).contains("immutable");
        assertThat(WebPaths.cacheControl("/index.html")).isEqualTo("no-cache");
        assertThat(WebPaths.cacheControl("/vendor/vue.js")).isEqualTo("no-cache");
    }

    @Test
    void contentTypesAndGzip() {
        assertThat(WebPaths.contentType("webui/assets/a.js")).startsWith("text/javascript");
        assertThat(WebPaths.contentType("webui/index.html")).startsWith("text/html");
        assertThat(WebPaths.contentType("x.unknown")).isEqualTo("application/octet-stream");
        assertThat(WebPaths.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(WebPaths.acceptsGzip("br;q=1.0, gzip;q=0")).isFalse();
        assertThat(WebPaths.acceptsGzip(null)).isFalse();
    }
}
