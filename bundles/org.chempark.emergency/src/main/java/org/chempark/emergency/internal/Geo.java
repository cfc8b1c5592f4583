package org.chempark.emergency.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Planar geometry in the park frame (metres east/north) on GeoJSON-shaped maps of the asset model. */
final class Geo {
    private Geo() {
    }

    /** The outer ring of a Polygon (or the first polygon of a MultiPolygon); empty for other types. */
    @SuppressWarnings("unchecked")
    static List<double[]> outerRing(Map<String, Object> geometry) {
        if (geometry == null) {
            return List.of();
        }
        Object coords = geometry.get("coordinates");
        String type = String.valueOf(geometry.get("type"));
        if ("Polygon".equals(type) && coords instanceof List<?> rings && !rings.isEmpty()) {
            return points((List<Object>) rings.get(0));
        }
        if ("MultiPolygon".equals(type) && coords instanceof List<?> polys && !polys.isEmpty()
                && polys.get(0) instanceof List<?> rings && !rings.isEmpty()) {
            return points((List<Object>) rings.get(0));
        }
        return List.of();
    }

    /** The vertices of a LineString; empty for other types. */
    @SuppressWarnings("unchecked")
    static List<double[]> line(Map<String, Object> geometry) {
        if (geometry != null && "LineString".equals(geometry.get("type")) && geometry.get("coordinates") instanceof List<?> l) {
            return points((List<Object>) l);
        }
        return List.of();
    }

    /** A representative point: the Point itself, the centroid of a Polygon's outer ring, the middle vertex of a line. */
    @SuppressWarnings("unchecked")
    static double[] anchor(Map<String, Object> geometry) {
        if (geometry == null) {
            return null;
        }
        if ("Point".equals(geometry.get("type")) && geometry.get("coordinates") instanceof List<?> p && p.size() >= 2) {
            return new double[] { ((Number) p.get(0)).doubleValue(), ((Number) p.get(1)).doubleValue() };
        }
        List<double[]> ring = outerRing(geometry);
        if (!ring.isEmpty()) {
            return centroid(ring);
        }
        List<double[]> l = line(geometry);
        return l.isEmpty() ? null : l.get(l.size() / 2);
    }

    private static List<double[]> points(List<Object> raw) {
        List<double[]> out = new ArrayList<>(raw.size());
        for (Object o : raw) {
            if (o instanceof List<?> p && p.size() >= 2) {
                out.add(new double[] { ((Number) p.get(0)).doubleValue(), ((Number) p.get(1)).doubleValue() });
            }
        }
        return out;
    }

    /** Area centroid of a ring (vertex mean for degenerate rings). */
    static double[] centroid(List<double[]> ring) {
        double a = 0, cx = 0, cy = 0;
        int n = ring.size();
        for (int i = 0; i < n; i++) {
            double[] p = ring.get(i), q = ring.get((i + 1) % n);
            double cross = p[0] * q[1] - q[0] * p[1];
            a += cross;
            cx += (p[0] + q[0]) * cross;
            cy += (p[1] + q[1]) * cross;
        }
        if (Math.abs(a) < 1e-9) {
            double sx = 0, sy = 0;
            for (double[] p : ring) {
                sx += p[0];
                sy += p[1];
            }
            return new double[] { sx / n, sy / n };
        }
        return new double[] { cx / (3 * a), cy / (3 * a) };
    }

    static double area(List<double[]> ring) {
        double a = 0;
        int n = ring.size();
        for (int i = 0; i < n; i++) {
            double[] p = ring.get(i), q = ring.get((i + 1) % n);
            a += p[0] * q[1] - q[0] * p[1];
        }
        return Math.abs(a) / 2;
    }

    /** Even-odd point-in-polygon test (the ring may or may not repeat its first point). */
    static boolean inside(double x, double y, List<double[]> ring) {
        boolean in = false;
        int n = ring.size();
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double[] a = ring.get(i), b = ring.get(j);
            if ((a[1] > y) != (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]) {
                in = !in;
            }
        }
        return in;
    }

    /** Distance from a point to the boundary of a ring. */
    static double distanceToBoundary(double x, double y, List<double[]> ring) {
        double best = Double.POSITIVE_INFINITY;
        int n = ring.size();
        for (int i = 0, j = n - 1; i < n; j = i++) {
            best = Math.min(best, segmentDistance(x, y, ring.get(j), ring.get(i)));
        }
        return best;
    }

    static double segmentDistance(double x, double y, double[] a, double[] b) {
        double dx = b[0] - a[0], dy = b[1] - a[1];
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / len2));
        double px = a[0] + t * dx - x, py = a[1] + t * dy - y;
        return Math.sqrt(px * px + py * py);
    }

    /** Bounding box [minE, minN, maxE, maxN]. */
    static double[] bbox(List<double[]> ring) {
        double[] b = { Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY };
        for (double[] p : ring) {
            b[0] = Math.min(b[0], p[0]);
            b[1] = Math.min(b[1], p[1]);
            b[2] = Math.max(b[2], p[0]);
            b[3] = Math.max(b[3], p[1]);
        }
        return b;
    }

    /**
     * Share of {@code area} that lies inside {@code zone}, estimated on a 24 × 24 sample of the area's bounding
     * box (cells outside the area are skipped). 0 when the boxes do not overlap.
     */
    static double fractionInside(List<double[]> area, List<double[]> zone, double[] zoneBox) {
        double[] b = bbox(area);
        if (b[2] < zoneBox[0] || b[0] > zoneBox[2] || b[3] < zoneBox[1] || b[1] > zoneBox[3]) {
            return 0;
        }
        int n = 24, in = 0, total = 0;
        for (int i = 0; i < n; i++) {
            double x = b[0] + (i + 0.5) * (b[2] - b[0]) / n;
            for (int j = 0; j < n; j++) {
                double y = b[1] + (j + 0.5) * (b[3] - b[1]) / n;
                if (inside(x, y, area)) {
                    total++;
                    if (inside(x, y, zone)) {
                        in++;
                    }
                }
            }
        }
        return total == 0 ? 0 : (double) in / total;
    }

    /**
     * Whether two rings overlap, for the plan's "units inside a zone": a vertex or the centroid of either
     * lies inside the other (exact for the convex unit outlines of the asset model unless only edges cross).
     */
    static boolean overlaps(List<double[]> area, List<double[]> zone, double[] zoneBox) {
        if (area.isEmpty() || zone.isEmpty()) {
            return false;
        }
        double[] b = bbox(area);
        if (b[2] < zoneBox[0] || b[0] > zoneBox[2] || b[3] < zoneBox[1] || b[1] > zoneBox[3]) {
            return false;
        }
        double[] c = centroid(area);
        if (inside(c[0], c[1], zone)) {
            return true;
        }
        for (double[] p : area) {
            if (inside(p[0], p[1], zone)) {
                return true;
            }
        }
        for (double[] p : zone) {
            if (inside(p[0], p[1], area)) {
                return true;
            }
        }
        return false;
    }

    static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
