package org.chempark.webui.internal;

import java.net.URL;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extender for module UI parts. An ACTIVE bundle whose manifest has
 * {@code ChemPark-WebUI-Module: <moduleId>} (and optionally {@code ChemPark-WebUI-Path: <folder>},
 * default {@code webui-module}) with {@code <folder>/index.js} gets that folder served at
 * {@code /modules/<moduleId>/}. When the bundle stops, the part disappears.
 */
final class UiPartRegistry extends BundleTracker<String> {

    static final String HEADER_MODULE = "ChemPark-WebUI-Module";
    static final String HEADER_PATH = "ChemPark-WebUI-Path";
    static final String DEFAULT_PATH = "webui-module";

    private static final Logger LOG = LoggerFactory.getLogger(UiPartRegistry.class);

    /** A module's UI part: the bundle and the folder inside it. */
    record Part(Bundle bundle, String folder) {
        URL entry(String file) {
            return bundle.getEntry(folder + "/" + file);
        }
    }

    private final Map<String, Part> parts = new ConcurrentHashMap<>();

    UiPartRegistry(BundleContext context) {
        super(context, Bundle.ACTIVE, null);
    }

    @Override
    public String addingBundle(Bundle bundle, BundleEvent event) {
        String id = bundle.getHeaders().get(HEADER_MODULE);
        if (id == null) {
            return null;
        }
        id = id.trim();
        if (!WebPaths.MODULE_ID.matcher(id).matches()) {
            LOG.warn("Bundle {} declares {}: '{}', not a module id; ignored", bundle.getSymbolicName(), HEADER_MODULE, id);
            return null;
        }
        String folder = bundle.getHeaders().get(HEADER_PATH);
        folder = folder == null || folder.isBlank() ? DEFAULT_PATH : folder.trim().replaceAll("^/+|/+$", "");
        Part part = new Part(bundle, folder);
        if (part.entry("index.js") == null) {
            LOG.warn("Bundle {} declares UI part '{}' but has no {}/index.js; ignored", bundle.getSymbolicName(), id, folder);
            return null;
        }
        Part previous = parts.put(id, part);
        if (previous != null && previous.bundle() != bundle) {
            LOG.warn("UI part '{}' of bundle {} replaces the one of {}", id, bundle.getSymbolicName(), previous.bundle().getSymbolicName());
        }
        LOG.info("UI part '{}' served from bundle {} at /modules/{}/", id, bundle.getSymbolicName(), id);
        return id;
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, String id) {
        parts.computeIfPresent(id, (k, p) -> p.bundle() == bundle ? null : p);
        LOG.info("UI part '{}' of bundle {} removed", id, bundle.getSymbolicName());
    }

    Part part(String moduleId) {
        return parts.get(moduleId);
    }

    /** {moduleId: url of its index.js}, the url carrying the bundle's last-modified time so updates bypass caches. */
    Map<String, String> index() {
        Map<String, String> out = new TreeMap<>();
        parts.forEach((id, p) -> out.put(id, "/modules/" + id + "/index.js?v=" + p.bundle().getLastModified()));
        return out;
    }
}
