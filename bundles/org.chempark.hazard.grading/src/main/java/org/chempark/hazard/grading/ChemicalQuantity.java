package org.chempark.hazard.grading;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One hazardous chemical present in a unit and its quantity q in tonnes (the design maximum quantity,
 * GB 18218-2018 4.2).
 *
 * <p>Identify the chemical in one of three ways:
 * <ul>
 *   <li>{@link #ofSubstance(String, BigDecimal)} — CAS number or Chinese name/alias; Q comes from Table 1 when the
 *       substance is listed there, else from Table 2 by the categories you add with {@link #withCategories};</li>
 *   <li>{@link #ofTable1Row(int, BigDecimal)} — for Table 1 rows that share a CAS number (硝化纤维素 rows 37–42,
 *       硝酸铵 rows 43–45);</li>
 *   <li>{@link #ofCategories(String, BigDecimal, HazardCategory...)} — a substance not in Table 1, or a mixture whose
 *       hazard category differs from its pure substance (GB 18218-2018 4.2): Q is the smallest Table 2 Q of the
 *       categories.</li>
 * </ul>
 * Categories are also what chooses β from Table 4 when the substance is not a Table 3 toxic gas.
 *
 * @param substance      CAS number or name; empty when identified by row or categories only
 * @param table1Row      the Table 1 序号, or {@code null}
 * @param categories     GB 30000 hazard categories (Table 2/4 codes); may be empty
 * @param quantityTonnes q, tonnes, finite and {@code >= 0}
 * @param label          free text shown in explanations (e.g. tank tag); may be empty
 */
public record ChemicalQuantity(String substance, Integer table1Row, Set<HazardCategory> categories,
                               BigDecimal quantityTonnes, String label) {

    public ChemicalQuantity {
        substance = substance == null ? "" : substance.trim();
        label = label == null ? "" : label.trim();
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        if (quantityTonnes == null) {
            throw new InvalidHazardInputException("quantityTonnes", null, "a finite number >= 0 (tonnes)");
        }
        if (quantityTonnes.signum() < 0) {
            throw new InvalidHazardInputException("quantityTonnes", quantityTonnes, "a finite number >= 0 (tonnes)");
        }
        if (table1Row != null && (table1Row < 1)) {
            throw new InvalidHazardInputException("table1Row", table1Row, "a GB 18218-2018 Table 1 row number 1..85");
        }
        if (substance.isEmpty() && table1Row == null && categories.isEmpty()) {
            throw new InvalidHazardInputException("substance", substance,
                    "a CAS number or name from GB 18218-2018 Table 1, a Table 1 row, or at least one hazard category (J1..J5, W1.1..W11)");
        }
    }

    /** A substance by CAS number or Chinese name/alias. */
    public static ChemicalQuantity ofSubstance(String casOrName, BigDecimal tonnes) {
        if (casOrName == null || casOrName.isBlank()) {
            throw new InvalidHazardInputException("substance", casOrName, "a non-blank CAS number or chemical name");
        }
        return new ChemicalQuantity(casOrName, null, Set.of(), tonnes, "");
    }

    /** As {@link #ofSubstance(String, BigDecimal)}; rejects NaN and infinities. */
    public static ChemicalQuantity ofSubstance(String casOrName, double tonnes) {
        return ofSubstance(casOrName, tonnes(tonnes));
    }

    /** A Table 1 row by its 序号. */
    public static ChemicalQuantity ofTable1Row(int row, BigDecimal tonnes) {
        return new ChemicalQuantity("", row, Set.of(), tonnes, "");
    }

    /** A substance or mixture known only by its hazard categories (Q from Table 2, the smallest applies). */
    public static ChemicalQuantity ofCategories(String label, BigDecimal tonnes, HazardCategory... categories) {
        if (categories == null || categories.length == 0) {
            throw new InvalidHazardInputException("categories", "[]",
                    "at least one hazard category (J1..J5, W1.1..W11, GB 18218-2018 Table 2)");
        }
        return new ChemicalQuantity("", null, EnumSet.copyOf(Arrays.asList(categories)), tonnes, label);
    }

    /** As {@link #ofCategories(String, BigDecimal, HazardCategory...)}; rejects NaN and infinities. */
    public static ChemicalQuantity ofCategories(String label, double tonnes, HazardCategory... categories) {
        return ofCategories(label, tonnes(tonnes), categories);
    }

    /** A copy with these hazard categories (replacing any given before). */
    public ChemicalQuantity withCategories(HazardCategory... newCategories) {
        return new ChemicalQuantity(substance, table1Row, newCategories == null ? Set.of() : Set.of(newCategories),
                quantityTonnes, label);
    }

    /** A copy with a label for explanations, e.g. the tank tag. */
    public ChemicalQuantity withLabel(String newLabel) {
        return new ChemicalQuantity(substance, table1Row, categories, quantityTonnes, newLabel);
    }

    public Optional<Integer> table1RowNumber() {
        return Optional.ofNullable(table1Row);
    }

    static BigDecimal tonnes(double t) {
        if (Double.isNaN(t) || Double.isInfinite(t)) {
            throw new InvalidHazardInputException("quantityTonnes", t, "a finite number >= 0 (tonnes)");
        }
        if (t < 0) {
            throw new InvalidHazardInputException("quantityTonnes", t, "a finite number >= 0 (tonnes)");
        }
        return BigDecimal.valueOf(t);
    }
}
