package org.chempark.asset.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** R-A.5: identifiers are validated with their check digits. */
class IdentifiersTest {
    @Test
    void creditCodeCheckCharacter() {
        // GB 32100-2015 worked example style: a known valid code and single-character corruptions
        assertThat(Identifiers.isCreditCode("91320681MA4LGYMW51")).isTrue();
        assertThat(Identifiers.isCreditCode("91320681MA4LGYMW52")).isFalse();
        assertThat(Identifiers.isCreditCode("91320681MA4LGYMW5")).isFalse();
        assertThat(Identifiers.isCreditCode("91320681MA4LGYMWI1")).as("I is not in the character set").isFalse();
        assertThat(Identifiers.isCreditCode("91350100M000100Y43")).isTrue();
        assertThat(Identifiers.isCreditCode(null)).isFalse();
    }

    @Test
    void casCheckDigit() {
        assertThat(Identifiers.isCas("7732-18-5")).as("water").isTrue();
        assertThat(Identifiers.isCas("67-56-1")).as("methanol").isTrue();
        assertThat(Identifiers.isCas("7664-41-7")).as("ammonia").isTrue();
        assertThat(Identifiers.isCas("67-56-2")).isFalse();
        assertThat(Identifiers.isCas("67561")).isFalse();
        assertThat(Identifiers.isCas("1-56-1")).as("first part has 2 to 7 digits").isFalse();
    }

    @Test
    void geoJsonShapes() {
        assertThat(GeoJson.problem(Map.of("type", "Point", "coordinates", List.of(1.0, 2.0)))).isNull();
        assertThat(GeoJson.problem(Map.of("type", "Polygon", "coordinates",
                List.of(List.of(List.of(0, 0), List.of(1, 0), List.of(1, 1), List.of(0, 0)))))).isNull();
        assertThat(GeoJson.problem(Map.of("type", "Polygon", "coordinates",
                List.of(List.of(List.of(0, 0), List.of(1, 0), List.of(1, 1), List.of(0, 1)))))).contains("closed");
        assertThat(GeoJson.problem(Map.of("type", "Circle", "coordinates", List.of()))).contains("geometry.type");
        assertThat(GeoJson.problem(Map.of("type", "Point", "coordinates", List.of("a", 2)))).contains("finite numbers");
        assertThat(GeoJson.problem(Map.of("type", "LineString", "coordinates", List.of(List.of(0, 0))))).contains("at least 2");
    }
}
