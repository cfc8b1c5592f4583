package org.chempark.asset;

import java.util.Map;

/** A park map feature: road, river, green belt, gate, fire station, parking … */
public record MapFeature(Long id, String code, String kind, String name, Map<String, Object> geometry, Integer version) {
}
