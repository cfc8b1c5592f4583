package org.chempark.telemetry.internal;

import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.PointType;

/** What the pipeline needs of a monitoring point, taken from the asset model. */
public record PointMeta(long id, String code, String name, PointType type, String unit, Double rangeLow, Double rangeHigh,
        Double ll, Double l, Double h, Double hh, Long unitId, Long enterpriseId) {

    static PointMeta of(MonitoringPoint p) {
        return new PointMeta(p.id(), p.code(), p.name(), p.type(), p.unit(), p.rangeLow(), p.rangeHigh(), p.ll(), p.l(), p.h(), p.hh(),
                p.unitId(), p.enterpriseId());
    }

    /** The measuring span, or NaN when the range is not recorded. */
    double span() {
        return rangeLow != null && rangeHigh != null && rangeHigh > rangeLow ? rangeHigh - rangeLow : Double.NaN;
    }
}
