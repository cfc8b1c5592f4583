package org.chempark.asset;

import java.util.Map;

/** 化工园区: the park itself; geometry in the park's local frame ({@code crs} = local-metres). */
public record Park(Long id, String code, String name, String nameEn, String address, Double areaKm2, String crs,
        Double originLon, Double originLat, Map<String, Object> boundary, Integer version) {
}
