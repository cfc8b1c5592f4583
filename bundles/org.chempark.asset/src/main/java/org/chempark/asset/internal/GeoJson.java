package org.chempark.asset.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Structural check of a GeoJSON geometry (RFC 7946 shapes; coordinates in the park's
 * local frame, metres). Returns null when valid, otherwise what is wrong.
 */
final class GeoJson {
    static final Set<String> TYPES = Set.of("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon");
    private static final double LIMIT = 1e7;

    private GeoJson() {
    }

    static String problem(Map<String, Object> g) {
        if (g == null) {
            return null;
        }
        Object type = g.get("type");
        if (!(type instanceof String t) || !TYPES.contains(t)) {
            return "geometry.type must be one of " + new java.util.TreeSet<>(TYPES);
        }
        Object c = g.get("coordinates");
        for (String k : g.keySet()) {
            if (!k.equals("type") && !k.equals("coordinates") && !k.equals("bbox")) {
                return "geometry has an unknown member '" + k + "'";
            }
        }
        try {
            switch (t) {
                case "Point" -> position(c);
                case "MultiPoint", "LineString" -> {
                    List<?> l = list(c);
                    l.forEach(GeoJson::position);
                    if (t.equals("LineString") && l.size() < 2) {
                        return "a LineString needs at least 2 positions";
                    }
                }
                case "MultiLineString" -> list(c).forEach(line -> list(line).forEach(GeoJson::position));
                case "Polygon" -> polygon(c);
                case "MultiPolygon" -> list(c).forEach(GeoJson::polygon);
                default -> throw new IllegalStateException(t);
            }
        } catch (IllegalArgumentException e) {
            return "geometry.coordinates of a " + t + ": " + e.getMessage();
        }
        return null;
    }

    private static void polygon(Object c) {
        List<?> rings = list(c);
        if (rings.isEmpty()) {
            throw new IllegalArgumentException("a polygon needs at least one ring");
        }
        for (Object r : rings) {
            List<?> ring = list(r);
            if (ring.size() < 4) {
                throw new IllegalArgumentException("each ring needs at least 4 positions");
            }
            ring.forEach(GeoJson::position);
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                throw new IllegalArgumentException("each ring must be closed (first position = last position)");
            }
        }
    }

    private static List<?> list(Object o) {
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException("expected an array");
        }
        return l;
    }

    private static void position(Object o) {
        List<?> p = list(o);
        if (p.size() < 2 || p.size() > 3) {
            throw new IllegalArgumentException("a position is [x, y] or [x, y, z]");
        }
        for (Object n : p) {
            if (!(n instanceof Number num) || !Double.isFinite(num.doubleValue()) || Math.abs(num.doubleValue()) > LIMIT) {
                throw new IllegalArgumentException("positions hold finite numbers (metres), got " + n);
            }
        }
    }
}
