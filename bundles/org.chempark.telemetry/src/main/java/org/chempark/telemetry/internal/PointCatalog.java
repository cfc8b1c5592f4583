package org.chempark.telemetry.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.chempark.asset.MonitoringPoint;

/** Point metadata by code and id; replaced as a whole on refresh (asset change events). */
public final class PointCatalog {
    private final Supplier<? extends Collection<MonitoringPoint>> source;
    private volatile Map<String, PointMeta> byCode = Map.of();
    private volatile Map<Long, PointMeta> byId = Map.of();

    public PointCatalog(Supplier<? extends Collection<MonitoringPoint>> source) {
        this.source = source;
    }

    /** Reloads every point; returns how many there are. */
    public int refresh() {
        Map<String, PointMeta> c = new HashMap<>();
        Map<Long, PointMeta> i = new HashMap<>();
        for (MonitoringPoint p : source.get()) {
            if (p.code() == null || p.id() == null || p.type() == null) {
                continue;
            }
            PointMeta m = PointMeta.of(p);
            c.put(m.code(), m);
            i.put(m.id(), m);
        }
        byCode = Map.copyOf(c);
        byId = Map.copyOf(i);
        return c.size();
    }

    public PointMeta byCode(String code) {
        return byCode.get(code);
    }

    public PointMeta byId(long id) {
        return byId.get(id);
    }

    public List<PointMeta> all() {
        return List.copyOf(byCode.values());
    }
}
