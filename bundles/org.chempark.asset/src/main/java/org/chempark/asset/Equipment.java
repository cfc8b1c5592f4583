package org.chempark.asset;

import java.util.Map;

/** 装置/设备 inside a unit: tank, reactor, warehouse, pipe rack, gate … */
public record Equipment(Long id, Long unitId, String code, String name, EquipmentType type, Double capacityM3,
        Double designPressureMPa, Double designTemperatureC, Map<String, Object> geometry, Integer version) {
}
