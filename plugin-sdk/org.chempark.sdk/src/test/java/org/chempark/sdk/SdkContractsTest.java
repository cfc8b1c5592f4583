package org.chempark.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;

import org.chempark.sdk.camel.Routes;
import org.chempark.sdk.module.ModuleDescriptor;
import org.chempark.sdk.module.ModuleKind;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Validation;
import org.chempark.sdk.telemetry.Quality;
import org.chempark.sdk.telemetry.Reading;
import org.junit.jupiter.api.Test;

/** The contracts every module and plugin compiles against (R-A.1, R-A.3). */
class SdkContractsTest {
    @Test
    void descriptorChecksIdsRequirementsAndPermissions() {
        ModuleDescriptor d = ModuleDescriptor.builder("hazard", "重大危险源", "Major hazard sources").kind(ModuleKind.BASIC)
                .covers("R-F2.1", "R-F2.3").permission("read", "查看", "Read").build();
        assertThat(d.permissions()).extracting(p -> p.id()).containsExactly("hazard:read");
        assertThat(d.requirementIds()).containsExactly("R-F2.1", "R-F2.3");
        assertThatThrownBy(() -> ModuleDescriptor.builder("Hazard!", "x", "x").build()).hasMessageContaining("module id");
        assertThatThrownBy(() -> ModuleDescriptor.builder("hazard", "x", "x").covers("F2.1").build()).hasMessageContaining("R-F2.3");
        assertThatThrownBy(() -> new ModuleDescriptor("hazard", "x", "x", "1", ModuleKind.BASIC, null,
                java.util.List.of(new org.chempark.sdk.module.Permission("asset:read", "x", "x")), null))
                .hasMessageContaining("must start with the module id");
    }

    @Test
    void validationCollectsAllViolations() {
        Validation v = new Validation().required("name", " ").maxLength("code", "x".repeat(70), 64).range("q", 5, 0, 1)
                .min("n", -1, 0);
        assertThatThrownBy(v::throwIfInvalid).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.errors()).extracting(f -> f.field()).containsExactly("name", "code", "q", "n");
        });
        new Validation().required("name", "ok").range("q", 0.5, 0, 1).throwIfInvalid();
    }

    @Test
    void pageQueryRejectsUnknownSortAndBadSizes() {
        PageQuery q = PageQuery.parse(2, 10, "name,-code", Set.of("name", "code"));
        assertThat(q.offset()).isEqualTo(20);
        assertThat(q.sort()).extracting(PageQuery.Sort::ascending).containsExactly(true, false);
        assertThatThrownBy(() -> PageQuery.parse(-1, 0, "secret", Set.of("name")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors()).hasSize(3));
    }

    @Test
    void readingsMustBeWellFormed() {
        Reading r = Reading.good("E01-LT-1101", Instant.EPOCH, 3.2, "mqtt:gw-1");
        assertThat(r.quality()).isEqualTo(Quality.GOOD);
        assertThatThrownBy(() -> Reading.good("p", Instant.EPOCH, Double.NaN, "s")).hasMessageContaining("finite");
        new Reading("p", Instant.EPOCH, Double.NaN, Quality.BAD, "s");
        assertThatThrownBy(() -> Reading.good(" ", Instant.EPOCH, 1, "s")).hasMessageContaining("blank");
    }

    @Test
    void routeNamingConvention() {
        assertThat(Routes.belongsTo("example.tick", "example")).isTrue();
        assertThat(Routes.belongsTo("examples.tick", "example")).isFalse();
    }
}
