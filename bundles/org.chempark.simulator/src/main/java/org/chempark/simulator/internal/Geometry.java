package org.chempark.simulator.internal;

import java.util.List;
import java.util.Map;

/** Centres of GeoJSON geometries in the park's local metre grid. */
final class Geometry {
    private Geometry() {
    }

    /** The point itself, or the mean of a polygon's outer ring; null when there is no usable geometry. */
    @SuppressWarnings("unchecked")
    static double[] centre(Map<String, Object> geometry) {
        if (geometry == null) {
            return null;
        }
        Object c = geometry.get("coordinates");
        String type = String.valueOf(geometry.get("type"));
        try {
            if ("Point".equals(type)) {
                List<Number> xy = (List<Number>) c;
                return new double[] { xy.get(0).doubleValue(), xy.get(1).doubleValue() };
            }
            if ("Polygon".equals(type)) {
                List<List<Number>> ring = ((List<List<List<Number>>>) c).get(0);
                int n = ring.size() > 1 && ring.get(0).equals(ring.get(ring.size() - 1)) ? ring.size() - 1 : ring.size();
                double sx = 0;
                double sy = 0;
                for (int i = 0; i < n; i++) {
                    sx += ring.get(i).get(0).doubleValue();
                    sy += ring.get(i).get(1).doubleValue();
                }
                return n == 0 ? null : new double[] { sx / n, sy / n };
            }
        } catch (ClassCastException | IndexOutOfBoundsException | NullPointerException e) {
            return null;
        }
        return null;
    }
}
