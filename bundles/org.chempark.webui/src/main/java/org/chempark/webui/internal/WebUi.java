package org.chempark.webui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Serves the web UI at {@code /} of the HTTP Whiteboard's default context, plus module UI
 * parts at {@code /modules/{id}/}.
 *
 * <p>Two whiteboard registrations share one handler:
 * <ul>
 * <li>a servlet {@code chempark-webui} with pattern {@code /}: the context's default servlet,
 * reached only by paths no other servlet maps;</li>
 * <li>a filter {@code chempark-webui-filter} with pattern {@code /*}: Aries JAX-RS Whiteboard
 * registers its {@code .default} application as a servlet at {@code /*} of the same context
 * (unless {@code default.application.base} is configured), which would swallow every path. The
 * filter answers the UI's own paths before that servlet and passes {@code /api/**} and
 * {@code /system/**} on untouched.</li>
 * </ul>
 * The platform REST API lives in its own context at {@code /api/v1} and the web console under
 * {@code /system/console}; neither is shadowed. Unknown non-file paths get index.html (SPA fallback).
 */
@Component(immediate = true, service = {})
public class WebUi {
    static final String ROOT = "webui";
    static final String SERVLET_NAME = "chempark-webui";
    static final String FILTER_NAME = "chempark-webui-filter";
    private static final String DEFAULT_CONTEXT = "(osgi.http.whiteboard.context.name=default)";

    private Bundle bundle;
    private UiPartRegistry parts;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    void activate(BundleContext context) {
        bundle = context.getBundle();
        parts = new UiPartRegistry(context);
        parts.open();

        Hashtable<String, Object> servletProps = new Hashtable<>();
        servletProps.put("osgi.http.whiteboard.servlet.pattern", "/");
        servletProps.put("osgi.http.whiteboard.servlet.name", SERVLET_NAME);
        servletProps.put("osgi.http.whiteboard.context.select", DEFAULT_CONTEXT);
        registrations.add(context.registerService(Servlet.class, new UiServlet(), servletProps));

        Hashtable<String, Object> filterProps = new Hashtable<>();
        filterProps.put("osgi.http.whiteboard.filter.pattern", "/*");
        filterProps.put("osgi.http.whiteboard.filter.name", FILTER_NAME);
        filterProps.put("osgi.http.whiteboard.context.select", DEFAULT_CONTEXT);
        registrations.add(context.registerService(Filter.class, new UiFilter(), filterProps));
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // bundle stopping
            }
        }
        registrations.clear();
        parts.close();
    }

    /** The path below the context root, decoded. */
    static String pathOf(HttpServletRequest req) {
        String uri = req.getRequestURI();
        String ctx = req.getContextPath();
        if (ctx != null && !ctx.isEmpty() && uri.startsWith(ctx)) {
            uri = uri.substring(ctx.length());
        }
        try {
            return URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Answers the request; false when the path belongs to another servlet (PASS). */
    boolean handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String method = req.getMethod();
        String path = pathOf(req);
        WebPaths.Kind kind = path == null ? WebPaths.Kind.NOT_FOUND : WebPaths.classify(path);
        if (kind == WebPaths.Kind.PASS) {
            return false;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            resp.setHeader("Allow", "GET, HEAD");
            problem(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method Not Allowed", "The web UI serves only GET and HEAD", path);
            return true;
        }
        resp.setHeader("X-Content-Type-Options", "nosniff");
        switch (kind) {
            case INDEX -> serve(req, resp, bundle, ROOT + "/index.html", "/index.html");
            case FILE -> serve(req, resp, bundle, ROOT + path, path);
            case UI_PARTS -> uiParts(resp);
            case MODULE_FILE -> {
                String[] mf = WebPaths.moduleFile(path);
                UiPartRegistry.Part part = parts.part(mf[0]);
                if (part == null) {
                    problem(resp, 404, "Not Found", "No module UI part '" + mf[0] + "' is installed", path);
                } else {
                    serve(req, resp, part.bundle(), part.folder() + "/" + mf[1], path);
                }
            }
            default -> problem(resp, 404, "Not Found", "No resource at this path", path);
        }
        return true;
    }

    private void serve(HttpServletRequest req, HttpServletResponse resp, Bundle from, String entry, String path) throws IOException {
        URL url = from.getEntry(entry);
        if (url == null) {
            problem(resp, 404, "Not Found", "No resource at this path", path);
            return;
        }
        String etag = "\"" + Long.toHexString(from.getBundleId()) + "-" + Long.toHexString(from.getLastModified()) + "-"
                + Integer.toHexString(entry.hashCode()) + "\"";
        resp.setContentType(WebPaths.contentType(entry));
        resp.setHeader("Cache-Control", WebPaths.cacheControl(path));
        resp.setHeader("ETag", etag);
        resp.setHeader("Vary", "Accept-Encoding");
        if (entry.endsWith(".html")) {
            resp.setHeader("X-Frame-Options", "SAMEORIGIN");
        }
        if (etag.equals(req.getHeader("If-None-Match"))) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        URL gz = WebPaths.acceptsGzip(req.getHeader("Accept-Encoding")) ? from.getEntry(entry + ".gz") : null;
        if (gz != null) {
            url = gz;
            resp.setHeader("Content-Encoding", "gzip");
        }
        URLConnection conn = url.openConnection();
        long length = conn.getContentLengthLong();
        if (length >= 0) {
            resp.setContentLengthLong(length);
        }
        if ("HEAD".equals(req.getMethod())) {
            return;
        }
        try (InputStream in = conn.getInputStream(); OutputStream out = resp.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private void uiParts(HttpServletResponse resp) throws IOException {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, String> e : parts.index().entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            // ids match [a-z0-9.-] and urls add only digits and '/?=': nothing to escape
            json.append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append('"');
        }
        json.append('}');
        write(resp, 200, "application/json;charset=utf-8", json.toString());
    }

    private static void problem(HttpServletResponse resp, int status, String title, String detail, String path) throws IOException {
        String safe = path == null ? "" : path.replaceAll("[^A-Za-z0-9/._~-]", "?");
        write(resp, status, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\"", "'") + "\",\"instance\":\"" + safe + "\"}");
    }

    private static void write(HttpServletResponse resp, int status, String type, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType(type);
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** Default servlet of the context: what no other servlet maps. */
    final class UiServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if (!handle(req, resp)) {
                problem(resp, 404, "Not Found", "No service answers this path", pathOf(req));
            }
        }
    }

    /** Answers the UI's paths ahead of a catch-all servlet in the same context; passes the rest on. */
    final class UiFilter implements Filter {
        @Override
        public void init(FilterConfig config) {
            // nothing to set up
        }

        @Override
        public void destroy() {
            // nothing to release
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse resp) || !handle(req, resp)) {
                chain.doFilter(request, response);
            }
        }
    }
}
