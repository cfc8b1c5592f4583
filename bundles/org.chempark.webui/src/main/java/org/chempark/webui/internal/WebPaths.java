package org.chempark.webui.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** How a request path of the web UI is answered. Pure functions, no OSGi, so they are unit-tested. */
final class WebPaths {

    /** What the servlet does with a path. */
    enum Kind {
        /** the app's index.html (the root, or a client-side route: SPA fallback) */
        INDEX,
        /** a file of the built app */
        FILE,
        /** {@code /modules/ui-parts.json}: which modules ship a UI part */
        UI_PARTS,
        /** a file of a module's UI part: {@code /modules/{id}/...} */
        MODULE_FILE,
        /** another servlet's path (REST API, web console): passed on, never answered with the app */
        PASS,
        /** nothing here: traversal attempts, malformed module paths */
        NOT_FOUND
    }

    static final String UI_PARTS_PATH = "/modules/ui-parts.json";
    static final Pattern MODULE_ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*");

    /** Hashed build output: safe to cache for a year. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Everything else (index.html, /vendor/vue.js, module parts): revalidate with the ETag. */
    static final String REVALIDATE = "no-cache";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html;charset=utf-8"),
            Map.entry("js", "text/javascript;charset=utf-8"),
            Map.entry("mjs", "text/javascript;charset=utf-8"),
            Map.entry("css", "text/css;charset=utf-8"),
            Map.entry("json", "application/json;charset=utf-8"),
            Map.entry("map", "application/json;charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("webp", "image/webp"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("txt", "text/plain;charset=utf-8"));

    private WebPaths() {
    }

    /** The path inside the servlet's context, or null when it must not be served (traversal, odd characters). */
    static String normalize(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        if (!path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0 || path.contains("//")) {
            return null;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return null;
            }
        }
        return path;
    }

    static Kind classify(String path) {
        String p = normalize(path);
        if (p == null) {
            return Kind.NOT_FOUND;
        }
        if (p.equals("/") || p.equals("/index.html")) {
            return Kind.INDEX;
        }
        // Paths of the platform's other servlets: never answered with the app.
        if (p.equals("/api") || p.startsWith("/api/") || p.equals("/system") || p.startsWith("/system/") || p.equals("/ws") || p.startsWith("/ws/")) {
            return Kind.PASS;
        }
        if (p.equals(UI_PARTS_PATH)) {
            return Kind.UI_PARTS;
        }
        if (p.startsWith("/modules/")) {
            String rest = p.substring("/modules/".length());
            int slash = rest.indexOf('/');
            if (slash > 0 && MODULE_ID.matcher(rest.substring(0, slash)).matches() && slash < rest.length() - 1) {
                return Kind.MODULE_FILE;
            }
            return Kind.NOT_FOUND;
        }
        String last = p.substring(p.lastIndexOf('/') + 1);
        // A last segment with an extension names a file; anything else is a client-side route.
        return last.contains(".") ? Kind.FILE : Kind.INDEX;
    }

    /** For a MODULE_FILE path: the module id and the file path inside its UI part. */
    static String[] moduleFile(String path) {
        String rest = path.substring("/modules/".length());
        int slash = rest.indexOf('/');
        return new String[] {rest.substring(0, slash), rest.substring(slash + 1)};
    }

    static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    static String cacheControl(String path) {
        return path.startsWith("/assets/") ? IMMUTABLE : REVALIDATE;
    }

    /** Whether the client takes gzip (Accept-Encoding lists gzip without q=0). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] p = part.trim().split(";");
            if (p[0].trim().equals("gzip") || p[0].trim().equals("*")) {
                return !(p.length > 1 && p[1].trim().replace(" ", "").matches("q=0(\\.0*)?"));
            }
        }
        return false;
    }
}
