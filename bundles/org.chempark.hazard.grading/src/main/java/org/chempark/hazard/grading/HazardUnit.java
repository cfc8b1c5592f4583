package org.chempark.hazard.grading;

import java.util.List;

/**
 * A production unit or storage unit (GB 18218-2018 3.x) with the hazardous chemicals it holds.
 *
 * @param id        the unit's identifier in the platform
 * @param name      display name, e.g. 甲醇罐区
 * @param kind      production unit or storage unit
 * @param chemicals at least one chemical
 */
public record HazardUnit(String id, String name, UnitKind kind, List<ChemicalQuantity> chemicals) {
    public HazardUnit {
        if (id == null || id.isBlank()) {
            throw new InvalidHazardInputException("id", id, "a non-blank unit identifier");
        }
        if (kind == null) {
            throw new InvalidHazardInputException("kind", null, "PRODUCTION_UNIT or STORAGE_UNIT");
        }
        if (chemicals == null || chemicals.isEmpty()) {
            throw new InvalidHazardInputException("chemicals", chemicals == null ? null : "[]",
                    "at least one hazardous chemical with its quantity (an empty unit cannot be identified)");
        }
        for (int i = 0; i < chemicals.size(); i++) {
            if (chemicals.get(i) == null) {
                throw new InvalidHazardInputException("chemicals[" + i + "]", null, "a chemical quantity");
            }
        }
        name = name == null ? "" : name;
        chemicals = List.copyOf(chemicals);
    }

    public static HazardUnit storage(String id, String name, ChemicalQuantity... chemicals) {
        return new HazardUnit(id, name, UnitKind.STORAGE_UNIT, chemicals == null ? null : List.of(chemicals));
    }

    public static HazardUnit production(String id, String name, ChemicalQuantity... chemicals) {
        return new HazardUnit(id, name, UnitKind.PRODUCTION_UNIT, chemicals == null ? null : List.of(chemicals));
    }
}
