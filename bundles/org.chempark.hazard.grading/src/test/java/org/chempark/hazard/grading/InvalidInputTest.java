package org.chempark.hazard.grading;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class InvalidInputTest {
    private final MajorHazardEvaluator evaluator = new MajorHazardEvaluator();

    @Test
    void negativeQuantity() {
        assertThatThrownBy(() -> ChemicalQuantity.ofSubstance("甲醇", new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class).isInstanceOf(InvalidHazardInputException.class)
                .hasMessage("Invalid quantityTonnes = -1: a finite number >= 0 (tonnes)");
    }

    @Test
    void nanAndInfiniteQuantity() {
        assertThatThrownBy(() -> ChemicalQuantity.ofSubstance("甲醇", Double.NaN))
                .isInstanceOf(InvalidHazardInputException.class)
                .hasMessageContaining("quantityTonnes").hasMessageContaining("NaN").hasMessageContaining(">= 0");
        assertThatThrownBy(() -> ChemicalQuantity.ofSubstance("甲醇", Double.POSITIVE_INFINITY))
                .isInstanceOf(InvalidHazardInputException.class).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> ChemicalQuantity.ofSubstance("甲醇", -0.5))
                .isInstanceOf(InvalidHazardInputException.class).hasMessageContaining("-0.5");
    }

    @Test
    void unknownChemicalWithoutCategory() {
        HazardUnit unit = HazardUnit.storage("U", "", ChemicalQuantity.ofSubstance("不存在的化学品", 1));
        assertThatThrownBy(() -> evaluator.identify(unit))
                .isInstanceOf(InvalidHazardInputException.class)
                .hasMessageContaining("chemicals[0].categories")
                .hasMessageContaining("不存在的化学品")
                .hasMessageContaining("at least one hazard category");
    }

    @Test
    void table1ChemicalWithoutBetaCategoryCannotBeGraded() {
        // 汽油 has no default category (its flammable-liquid category depends on the product).
        HazardUnit unit = HazardUnit.storage("U", "", ChemicalQuantity.ofSubstance("汽油", 300));
        evaluator.identify(unit); // identification needs no β
        assertThatThrownBy(() -> evaluator.grade(unit, 10))
                .isInstanceOf(InvalidHazardInputException.class)
                .hasMessageContaining("chemicals[0].categories").hasMessageContaining("Table 4");
    }

    @Test
    void ambiguousCas() {
        HazardUnit unit = HazardUnit.storage("U", "", ChemicalQuantity.ofSubstance("6484-52-2", 1));
        assertThatThrownBy(() -> evaluator.identify(unit))
                .isInstanceOf(InvalidHazardInputException.class)
                .hasMessageContaining("chemicals[0].substance").hasMessageContaining("43, 44, 45");
    }

    @Test
    void unknownTable1Row() {
        HazardUnit unit = HazardUnit.storage("U", "", ChemicalQuantity.ofTable1Row(86, BigDecimal.ONE));
        assertThatThrownBy(() -> evaluator.identify(unit))
                .isInstanceOf(InvalidHazardInputException.class).hasMessageContaining("table1Row = 86");
    }

    @Test
    void emptyUnit() {
        assertThatThrownBy(() -> new HazardUnit("U", "", UnitKind.STORAGE_UNIT, List.of()))
                .isInstanceOf(InvalidHazardInputException.class)
                .hasMessageContaining("chemicals").hasMessageContaining("at least one hazardous chemical");
        assertThatThrownBy(() -> HazardUnit.storage("U", ""))
                .isInstanceOf(InvalidHazardInputException.class);
    }

    @Test
    void negativePeople() {
        HazardUnit unit = HazardUnit.storage("U", "", ChemicalQuantity.ofSubstance("氯", 10));
        assertThatThrownBy(() -> evaluator.grade(unit, -1))
                .isInstanceOf(InvalidHazardInputException.class)
                .hasMessage("Invalid peopleExposed = -1: a whole number of people >= 0 "
                        + "(people within 500 m of the plant-area boundary)")
                .satisfies(e -> {
                    InvalidHazardInputException x = (InvalidHazardInputException) e;
                    org.assertj.core.api.Assertions.assertThat(x.field()).isEqualTo("peopleExposed");
                    org.assertj.core.api.Assertions.assertThat(x.value()).isEqualTo("-1");
                });
    }

    @Test
    void blankSubstanceAndNoCategories() {
        assertThatThrownBy(() -> ChemicalQuantity.ofSubstance(" ", 1))
                .isInstanceOf(InvalidHazardInputException.class).hasMessageContaining("substance");
        assertThatThrownBy(() -> ChemicalQuantity.ofCategories("x", 1))
                .isInstanceOf(InvalidHazardInputException.class).hasMessageContaining("categories");
        assertThatThrownBy(() -> HazardCategory.fromCode("W12"))
                .isInstanceOf(InvalidHazardInputException.class).hasMessageContaining("'W12'");
    }

    @Test
    void missingKindOrId() {
        ChemicalQuantity c = ChemicalQuantity.ofSubstance("氯", 1);
        assertThatThrownBy(() -> new HazardUnit("U", "", null, List.of(c)))
                .isInstanceOf(InvalidHazardInputException.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> new HazardUnit(" ", "", UnitKind.PRODUCTION_UNIT, List.of(c)))
                .isInstanceOf(InvalidHazardInputException.class).hasMessageContaining("id");
    }
}
