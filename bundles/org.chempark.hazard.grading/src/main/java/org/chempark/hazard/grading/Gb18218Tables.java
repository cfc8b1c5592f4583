package org.chempark.hazard.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chempark.hazard.grading.internal.Csv;
import org.chempark.hazard.grading.internal.Names;

/**
 * The GB 18218-2018 tables 1–5, read from the CSV files shipped in this bundle
 * ({@code org/chempark/hazard/grading/gb18218-2018-table{1..5}.csv}). Immutable and thread-safe.
 */
public final class Gb18218Tables {
    private static final String BASE = "/org/chempark/hazard/grading/";

    private final List<NamedChemical> table1;
    private final Map<HazardCategory, CategoryThreshold> table2;
    private final List<ToxicGasBeta> table3;
    private final Map<HazardCategory, CategoryBeta> table4;
    private final List<ExposureBand> table5;

    private Gb18218Tables(List<NamedChemical> t1, Map<HazardCategory, CategoryThreshold> t2, List<ToxicGasBeta> t3,
                          Map<HazardCategory, CategoryBeta> t4, List<ExposureBand> t5) {
        this.table1 = List.copyOf(t1);
        this.table2 = java.util.Collections.unmodifiableMap(new EnumMap<>(t2));
        this.table3 = List.copyOf(t3);
        this.table4 = java.util.Collections.unmodifiableMap(new EnumMap<>(t4));
        this.table5 = List.copyOf(t5);
    }

    private static final class Holder {
        static final Gb18218Tables STANDARD = load();
    }

    /** The tables shipped with this bundle (loaded once). */
    public static Gb18218Tables standard() {
        return Holder.STANDARD;
    }

    /** Table 1: the 85 named hazardous chemicals, in row order. */
    public List<NamedChemical> table1() {
        return table1;
    }

    /** Table 2: critical quantity by hazard category. */
    public Map<HazardCategory, CategoryThreshold> table2() {
        return table2;
    }

    /** Table 3: β of the named toxic gases. */
    public List<ToxicGasBeta> table3() {
        return table3;
    }

    /** Table 4: β by hazard category. */
    public Map<HazardCategory, CategoryBeta> table4() {
        return table4;
    }

    /** Table 5: α by people exposed, highest band first. */
    public List<ExposureBand> table5() {
        return table5;
    }

    /** The Table 1 row with this 序号. */
    public Optional<NamedChemical> table1Row(int row) {
        return table1.stream().filter(c -> c.row() == row).findFirst();
    }

    /** Table 1 rows listing this CAS number (several for nitrocellulose and ammonium nitrate). */
    public List<NamedChemical> findTable1ByCas(String cas) {
        if (cas == null || cas.isBlank()) {
            return List.of();
        }
        String c = Names.cas(cas);
        return table1.stream().filter(n -> n.casNumbers().contains(c)).toList();
    }

    /** Table 1 rows whose name or an alias equals this name (full-width/half-width punctuation and spaces ignored). */
    public List<NamedChemical> findTable1ByName(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String k = Names.key(name);
        List<NamedChemical> exact = table1.stream().filter(n -> Names.key(n.nameZh()).equals(k)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        return table1.stream().filter(n -> n.aliases().stream().anyMatch(a -> Names.key(a).equals(k))).toList();
    }

    /** Table 1 rows for a CAS number or a name. */
    public List<NamedChemical> findTable1(String casOrName) {
        return Names.looksLikeCas(casOrName) ? findTable1ByCas(casOrName) : findTable1ByName(casOrName);
    }

    /** Table 2 row of a category. */
    public CategoryThreshold threshold(HazardCategory category) {
        return table2.get(category);
    }

    /** Table 3 entry for a CAS number or a name/alias. */
    public Optional<ToxicGasBeta> findTable3(String casOrName) {
        if (casOrName == null || casOrName.isBlank()) {
            return Optional.empty();
        }
        if (Names.looksLikeCas(casOrName)) {
            String c = Names.cas(casOrName);
            return table3.stream().filter(t -> t.cas().equals(c)).findFirst();
        }
        String k = Names.key(casOrName);
        return table3.stream()
                .filter(t -> Names.key(t.nameZh()).equals(k) || t.aliases().stream().anyMatch(a -> Names.key(a).equals(k)))
                .findFirst();
    }

    /** Table 3 entry matching any CAS number of a Table 1 row. */
    public Optional<ToxicGasBeta> findTable3(NamedChemical chemical) {
        for (String cas : chemical.casNumbers()) {
            Optional<ToxicGasBeta> t = findTable3(cas);
            if (t.isPresent()) {
                return t;
            }
        }
        return chemical.casNumbers().isEmpty() ? findTable3(chemical.nameZh()) : Optional.empty();
    }

    /** Table 4 row of a category. */
    public CategoryBeta beta(HazardCategory category) {
        return table4.get(category);
    }

    /**
     * Table 5 band for a number of people.
     *
     * @throws InvalidHazardInputException if {@code people} is negative
     */
    public ExposureBand exposureBand(int people) {
        if (people < 0) {
            throw new InvalidHazardInputException("peopleExposed", people,
                    "a whole number of people >= 0 (people within 500 m of the plant-area boundary)");
        }
        return table5.stream().filter(b -> b.contains(people)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Table 5 has no band for " + people + " people"));
    }

    // ---------------------------------------------------------------- loading

    static Gb18218Tables load() {
        List<NamedChemical> t1 = new ArrayList<>();
        for (Csv.Row r : Csv.read(Gb18218Tables.class, BASE + "gb18218-2018-table1.csv")) {
            checkTable(r, NamedChemical.TABLE);
            t1.add(new NamedChemical(intOf(r, "row"), r.get("name_zh"), list(r.get("aliases")), list(r.get("cas")),
                    positive(r, "critical_quantity_t"), categories(r, r.get("default_categories")), r.get("note")));
        }
        Map<HazardCategory, CategoryThreshold> t2 = new EnumMap<>(HazardCategory.class);
        for (Csv.Row r : Csv.read(Gb18218Tables.class, BASE + "gb18218-2018-table2.csv")) {
            checkTable(r, CategoryThreshold.TABLE);
            HazardCategory c = category(r, r.get("category"));
            if (t2.put(c, new CategoryThreshold(c, r.get("hazard_class_zh"), r.get("description_zh"),
                    positive(r, "critical_quantity_t"), r.get("note"))) != null) {
                throw r.error("duplicate category " + c);
            }
        }
        List<ToxicGasBeta> t3 = new ArrayList<>();
        for (Csv.Row r : Csv.read(Gb18218Tables.class, BASE + "gb18218-2018-table3.csv")) {
            checkTable(r, ToxicGasBeta.TABLE);
            t3.add(new ToxicGasBeta(intOf(r, "row"), r.get("name_zh"), list(r.get("aliases")), r.get("cas"),
                    positive(r, "beta"), r.get("note")));
        }
        Map<HazardCategory, CategoryBeta> t4 = new EnumMap<>(HazardCategory.class);
        for (Csv.Row r : Csv.read(Gb18218Tables.class, BASE + "gb18218-2018-table4.csv")) {
            checkTable(r, CategoryBeta.TABLE);
            HazardCategory c = category(r, r.get("category"));
            if (t4.put(c, new CategoryBeta(c, positive(r, "beta"), r.get("note"))) != null) {
                throw r.error("duplicate category " + c);
            }
        }
        List<ExposureBand> t5 = new ArrayList<>();
        for (Csv.Row r : Csv.read(Gb18218Tables.class, BASE + "gb18218-2018-table5.csv")) {
            checkTable(r, ExposureBand.TABLE);
            String max = r.get("max_people");
            t5.add(new ExposureBand(intOf(r, "min_people"), max.isEmpty() ? null : intOf(r, "max_people"),
                    positive(r, "alpha"), r.get("band_zh"), r.get("note")));
        }
        for (HazardCategory c : HazardCategory.values()) {
            if (!t2.containsKey(c) || !t4.containsKey(c)) {
                throw new IllegalStateException("Tables 2 and 4 must list every category; missing " + c);
            }
        }
        return new Gb18218Tables(t1, t2, t3, t4, t5);
    }

    private static void checkTable(Csv.Row r, String expected) {
        if (!expected.equals(r.get("table"))) {
            throw r.error("expected table '" + expected + "', found '" + r.get("table") + "'");
        }
    }

    private static int intOf(Csv.Row r, String column) {
        try {
            return Integer.parseInt(r.get(column));
        } catch (NumberFormatException e) {
            throw r.error(column + " is not a whole number: " + r.get(column));
        }
    }

    private static BigDecimal positive(Csv.Row r, String column) {
        try {
            BigDecimal d = new BigDecimal(r.get(column));
            if (d.signum() <= 0) {
                throw r.error(column + " must be > 0: " + d);
            }
            return d;
        } catch (NumberFormatException e) {
            throw r.error(column + " is not a number: " + r.get(column));
        }
    }

    private static List<String> list(String cell) {
        return cell.isBlank() ? List.of() : Arrays.stream(cell.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static HazardCategory category(Csv.Row r, String code) {
        try {
            return HazardCategory.fromCode(code);
        } catch (InvalidHazardInputException e) {
            throw r.error("unknown hazard category " + code);
        }
    }

    private static Set<HazardCategory> categories(Csv.Row r, String cell) {
        Set<HazardCategory> s = EnumSet.noneOf(HazardCategory.class);
        for (String c : list(cell)) {
            s.add(category(r, c));
        }
        return s;
    }
}
