package org.chempark.asset;

import java.util.Map;

/**
 * 监测点位: one measured quantity, with measuring range and alarm limits. Limits that
 * apply must be ordered LL &lt; L &lt; H &lt; HH inside [rangeLow, rangeHigh]. Gas detectors use
 * H as the first-level (一级) and HH as the second-level (二级) alarm.
 *
 * @param code          the point id telemetry uses (unique in the park)
 * @param unit          engineering unit: m, °C, MPa, m³/h, %LEL, ppm, %VOL …
 * @param gasChemicalId for toxic gas detectors: the gas measured
 * @param unitId        read-only: the unit the equipment belongs to
 * @param enterpriseId  read-only: the enterprise the unit belongs to
 */
public record MonitoringPoint(Long id, Long equipmentId, String code, String name, PointType type, String unit,
        Double rangeLow, Double rangeHigh, Double ll, Double l, Double h, Double hh, Long gasChemicalId,
        Map<String, Object> geometry, Integer version, Long unitId, Long enterpriseId) {
}
