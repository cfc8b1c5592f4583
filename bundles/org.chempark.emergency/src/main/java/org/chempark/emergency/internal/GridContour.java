package org.chempark.emergency.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chempark.emergency.model.GridSpec;

/**
 * Iso-lines of a field sampled on a regular park grid (e.g. {@code GaussianPlume.evaluateGrid} on
 * 200 × 200 cells), by marching squares with linear interpolation on the cell edges; saddles are
 * resolved with the cell-centre mean. Segments are chained into polylines; those that close are rings.
 * Used to cross-check the analytic zone outlines and for grid overlays. NaN cells count as below.
 */
final class GridContour {
    private GridContour() {
    }

    /** Rings (closed, first point repeated) and open polylines (ending on the grid border). */
    record Lines(List<List<double[]>> rings, List<List<double[]>> open, int segments) {
        double ringArea() {
            double a = 0;
            for (List<double[]> r : rings) {
                a += Geo.area(r);
            }
            return a;
        }
    }

    static Lines trace(GridSpec g, double[] v, double threshold) {
        int nc = g.columns(), nr = g.rows();
        Map<Integer, double[]> points = new HashMap<>();
        Map<Integer, List<Integer>> links = new HashMap<>();
        int segments = 0;
        for (int j = 0; j < nr - 1; j++) {
            for (int i = 0; i < nc - 1; i++) {
                double a = val(v, nc, i, j), b = val(v, nc, i + 1, j), c = val(v, nc, i + 1, j + 1), d = val(v, nc, i, j + 1);
                int code = (a >= threshold ? 1 : 0) | (b >= threshold ? 2 : 0) | (c >= threshold ? 4 : 0) | (d >= threshold ? 8 : 0);
                if (code == 0 || code == 15) {
                    continue;
                }
                // edges: 0 bottom (a-b), 1 right (b-c), 2 top (d-c), 3 left (a-d)
                int bottom = hEdge(nc, i, j), top = hEdge(nc, i, j + 1), left = vEdge(nc, i, j), right = vEdge(nc, i + 1, j);
                int[] e = { bottom, right, top, left };
                int[][] pairs = switch (code) {
                    case 1, 14 -> new int[][] { { 3, 0 } };
                    case 2, 13 -> new int[][] { { 0, 1 } };
                    case 3, 12 -> new int[][] { { 3, 1 } };
                    case 4, 11 -> new int[][] { { 1, 2 } };
                    case 6, 9 -> new int[][] { { 0, 2 } };
                    case 7, 8 -> new int[][] { { 3, 2 } };
                    case 5, 10 -> {
                        boolean centreAbove = (a + b + c + d) / 4 >= threshold;
                        yield (code == 5) == centreAbove ? new int[][] { { 3, 2 }, { 0, 1 } } : new int[][] { { 3, 0 }, { 1, 2 } };
                    }
                    default -> new int[0][];
                };
                for (int[] p : pairs) {
                    for (int k : p) {
                        points.computeIfAbsent(e[k], id -> crossing(g, v, nc, id, threshold));
                    }
                    links.computeIfAbsent(e[p[0]], x -> new ArrayList<>(2)).add(e[p[1]]);
                    links.computeIfAbsent(e[p[1]], x -> new ArrayList<>(2)).add(e[p[0]]);
                    segments++;
                }
            }
        }
        List<List<double[]>> rings = new ArrayList<>(), open = new ArrayList<>();
        // open polylines start at points with one link (grid border), then what remains are rings
        for (boolean ringsPass : new boolean[] { false, true }) {
            for (Integer start : new ArrayList<>(links.keySet())) {
                List<Integer> l = links.get(start);
                if (l == null || l.isEmpty() || (!ringsPass && l.size() != 1)) {
                    continue;
                }
                List<double[]> line = new ArrayList<>();
                line.add(points.get(start));
                int prev = start, cur = next(links, start);
                while (cur != -1) {
                    unlink(links, prev, cur);
                    line.add(points.get(cur));
                    if (cur == start) {
                        break;
                    }
                    prev = cur;
                    cur = next(links, cur);
                }
                (ringsPass ? rings : open).add(line);
            }
        }
        return new Lines(rings, open, segments);
    }

    private static int next(Map<Integer, List<Integer>> links, int at) {
        List<Integer> l = links.get(at);
        return l == null || l.isEmpty() ? -1 : l.get(0);
    }

    private static void unlink(Map<Integer, List<Integer>> links, int a, int b) {
        links.get(a).remove(Integer.valueOf(b));
        links.get(b).remove(Integer.valueOf(a));
    }

    private static double val(double[] v, int nc, int i, int j) {
        double x = v[j * nc + i];
        return Double.isNaN(x) ? Double.NEGATIVE_INFINITY : x;
    }

    private static int hEdge(int nc, int i, int j) {
        return (j * nc + i) * 2;
    }

    private static int vEdge(int nc, int i, int j) {
        return (j * nc + i) * 2 + 1;
    }

    private static double[] crossing(GridSpec g, double[] v, int nc, int id, double t) {
        int cell = id / 2;
        int i = cell % nc, j = cell / nc;
        boolean horizontal = id % 2 == 0;
        int i2 = horizontal ? i + 1 : i, j2 = horizontal ? j : j + 1;
        double a = val(v, nc, i, j), b = val(v, nc, i2, j2);
        double f = Double.isInfinite(a) || Double.isInfinite(b) || a == b ? 0.5 : (t - a) / (b - a);
        f = Math.max(0, Math.min(1, f));
        return new double[] { g.cellEast(i) + f * (g.cellEast(i2) - g.cellEast(i)), g.cellNorth(j) + f * (g.cellNorth(j2) - g.cellNorth(j)) };
    }
}
