package org.chempark.emergency.internal;

import java.util.List;
import java.util.Optional;

import org.chempark.asset.AssetService;
import org.chempark.asset.Chemical;
import org.chempark.asset.Enterprise;
import org.chempark.asset.Equipment;
import org.chempark.asset.MapFeature;
import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.Park;
import org.chempark.asset.Unit;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * The asset service obtained on first use instead of during this module's activation. On a fresh
 * platform the asset module may still be loading the demo park (inside its own activation) when this
 * module is installed; obtaining it eagerly then times out on SCR's activation lock and leaves this
 * module's components broken. Obtained lazily, the first call simply waits for it.
 */
final class LazyAssetService implements AssetService {
    private final ComponentServiceObjects<AssetService> ref;
    private volatile AssetService delegate;

    LazyAssetService(ComponentServiceObjects<AssetService> ref) {
        this.ref = ref;
    }

    private AssetService a() {
        AssetService d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    d = ref.getService();
                    if (d == null) {
                        throw new IllegalStateException("the asset service is not available yet; try again in a moment");
                    }
                    delegate = d;
                }
            }
        }
        return d;
    }

    void release() {
        AssetService d = delegate;
        if (d != null) {
            delegate = null;
            ref.ungetService(d);
        }
    }

    @Override
    public Optional<Park> park() {
        return a().park();
    }

    @Override
    public List<Enterprise> enterprises() {
        return a().enterprises();
    }

    @Override
    public List<Unit> units() {
        return a().units();
    }

    @Override
    public Optional<Unit> unit(long id) {
        return a().unit(id);
    }

    @Override
    public List<Equipment> equipment() {
        return a().equipment();
    }

    @Override
    public List<MonitoringPoint> points() {
        return a().points();
    }

    @Override
    public Optional<MonitoringPoint> pointByCode(String code) {
        return a().pointByCode(code);
    }

    @Override
    public List<Chemical> chemicals() {
        return a().chemicals();
    }

    @Override
    public List<MapFeature> mapFeatures() {
        return a().mapFeatures();
    }
}
