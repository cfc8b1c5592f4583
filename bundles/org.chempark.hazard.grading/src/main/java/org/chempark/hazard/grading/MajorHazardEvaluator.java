package org.chempark.hazard.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.chempark.hazard.grading.internal.Rational;

/**
 * Identification and grading of major hazard sources per GB 18218-2018 《危险化学品重大危险源辨识》.
 *
 * <ul>
 *   <li>Q per chemical: Table 1 when listed (4.1.2 a), else Table 2 by hazard category; with several categories the
 *       smallest Q applies (4.1.2 b).</li>
 *   <li>S = Σ qᵢ/Qᵢ; major hazard source when S ≥ 1 (4.2, formula (1)).</li>
 *   <li>R = α·Σ βᵢ·qᵢ/Qᵢ (5.2, formula (2)); β from Table 3 for the listed toxic gases, else Table 4 by category
 *       (with several categories the largest β — a platform choice, see docs/hazard-grading.md); α from Table 5.</li>
 *   <li>Grade 一级 R ≥ 100, 二级 100 &gt; R ≥ 50, 三级 50 &gt; R ≥ 10, 四级 R &lt; 10 (5.3).</li>
 * </ul>
 * All arithmetic is exact (fractions), so R = 100, 50, 10 and S = 1 land in the right class. Thread-safe.
 */
public final class MajorHazardEvaluator {
    private static final Rational ONE = Rational.of(1);

    private final Gb18218Tables tables;

    /** An evaluator on the tables shipped with this bundle. */
    public MajorHazardEvaluator() {
        this(Gb18218Tables.standard());
    }

    public MajorHazardEvaluator(Gb18218Tables tables) {
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    public Gb18218Tables tables() {
        return tables;
    }

    /** Identification (辨识): S and whether the unit is a major hazard source. */
    public IdentificationResult identify(HazardUnit unit) {
        return identifyExact(unit).result;
    }

    /**
     * Grading (分级): R and the grade.
     *
     * @param peopleExposed people within 500 m of the plant-area boundary (GB 18218-2018 Table 5), {@code >= 0}
     */
    public GradingResult grade(HazardUnit unit, int peopleExposed) {
        Objects.requireNonNull(unit, "unit");
        ExposureBand band = tables.exposureBand(peopleExposed); // validates peopleExposed first
        Identification id = identifyExact(unit);
        List<GradingTerm> terms = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        Rational sum = Rational.ZERO;
        for (int i = 0; i < id.terms.size(); i++) {
            Resolved res = id.resolved.get(i);
            IdentificationTerm t = id.terms.get(i);
            Beta beta = beta(res, i);
            Rational weighted = id.ratios.get(i).multiply(Rational.of(beta.value));
            sum = sum.add(weighted);
            String text = t.displayName() + ": β = " + beta.value.toPlainString() + " (" + beta.source
                    + (beta.remark.isEmpty() ? "" : "; " + beta.remark) + "); β·q/Q = "
                    + beta.value.toPlainString() + " × " + id.ratios.get(i).toPlainString(6) + " = " + weighted.toPlainString(6);
            terms.add(new GradingTerm(t, beta.value, beta.source, weighted.toBigDecimal(), text));
            lines.add(text);
        }
        Rational alpha = Rational.of(band.alpha());
        Rational r = alpha.multiply(sum);
        lines.add("α = " + band.alpha().toPlainString() + ": " + peopleExposed + " people within 500 m of the plant-area "
                + "boundary falls in band " + band.bandZh() + " (" + ExposureBand.TABLE + ")");
        lines.add("R = α·Σβ·q/Q = " + band.alpha().toPlainString() + " × " + sum.toPlainString(6) + " = "
                + r.toPlainString(6) + " (GB 18218-2018 5.2, formula (2))");
        Optional<HazardGrade> grade;
        if (id.result.majorHazardSource()) {
            HazardGrade g = gradeOf(r);
            grade = Optional.of(g);
            lines.add("Grade " + g.nameZh() + " because " + g.rule() + " (GB 18218-2018 5.3)");
        } else {
            grade = Optional.empty();
            lines.add("No grade: S < 1, the unit is not a major hazard source; GB 18218-2018 section 5 grades major "
                    + "hazard sources only (R shown for information)");
        }
        List<String> explanation = new ArrayList<>(id.result.explanation());
        explanation.addAll(lines);
        return new GradingResult(id.result, terms, sum.toBigDecimal(), peopleExposed, band, band.alpha(),
                r.toBigDecimal(), grade, explanation);
    }

    private static HazardGrade gradeOf(Rational r) {
        for (HazardGrade g : HazardGrade.values()) {
            Optional<BigDecimal> lb = g.lowerBoundInclusive();
            if (lb.isEmpty() || r.compareTo(Rational.of(lb.get())) >= 0) {
                return g;
            }
        }
        return HazardGrade.GRADE_4;
    }

    // ------------------------------------------------------------------ identification

    private record Resolved(ChemicalQuantity input, NamedChemical table1, CategoryThreshold threshold) {
    }

    private record Identification(IdentificationResult result, List<IdentificationTerm> terms,
                                  List<Rational> ratios, List<Resolved> resolved) {
    }

    private record Beta(BigDecimal value, TableCitation source, String remark) {
    }

    private Identification identifyExact(HazardUnit unit) {
        Objects.requireNonNull(unit, "unit");
        List<IdentificationTerm> terms = new ArrayList<>();
        List<Rational> ratios = new ArrayList<>();
        List<Resolved> resolved = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        Rational s = Rational.ZERO;
        for (int i = 0; i < unit.chemicals().size(); i++) {
            ChemicalQuantity c = unit.chemicals().get(i);
            Resolved res = resolve(c, i);
            BigDecimal q = c.quantityTonnes();
            BigDecimal bigQ;
            TableCitation source;
            String remark;
            if (res.table1 != null) {
                bigQ = res.table1.criticalQuantityTonnes();
                source = res.table1.citation();
                remark = "listed in Table 1 (4.1.2 a)";
            } else {
                bigQ = res.threshold.criticalQuantityTonnes();
                source = res.threshold.citation();
                remark = c.categories().size() > 1
                        ? "not in Table 1; smallest Q of categories " + codes(c.categories()) + " (4.1.2 b)"
                        : "not in Table 1; Q by hazard category (4.1.2 b)";
            }
            Rational ratio = Rational.of(q).divide(Rational.of(bigQ));
            s = s.add(ratio);
            String name = displayName(c, res);
            String text = name + ": q = " + q.toPlainString() + " t; Q = " + bigQ.toPlainString() + " t from " + source
                    + " — " + remark + "; q/Q = " + ratio.toPlainString(6);
            terms.add(new IdentificationTerm(c, name, res.table1, q, bigQ, source, ratio.toBigDecimal(), text));
            ratios.add(ratio);
            resolved.add(res);
            lines.add(text);
        }
        boolean major = s.compareTo(ONE) >= 0;
        lines.add("S = Σq/Q = " + s.toPlainString(6) + (major ? " ≥ 1: " : " < 1: ") + (major
                ? "major hazard source (GB 18218-2018 4.2, formula (1))"
                : "not a major hazard source (GB 18218-2018 4.2, formula (1))"));
        IdentificationResult result = new IdentificationResult(unit, terms, s.toBigDecimal(), major, lines);
        return new Identification(result, terms, ratios, resolved);
    }

    private Resolved resolve(ChemicalQuantity c, int index) {
        String field = "chemicals[" + index + "]";
        NamedChemical t1 = null;
        if (c.table1Row() != null) {
            t1 = tables.table1Row(c.table1Row()).orElseThrow(() -> new InvalidHazardInputException(
                    field + ".table1Row", c.table1Row(),
                    "a GB 18218-2018 Table 1 row number 1.." + tables.table1().size()));
        } else if (!c.substance().isEmpty()) {
            List<NamedChemical> found = tables.findTable1(c.substance());
            if (found.size() > 1) {
                throw new InvalidHazardInputException(field + ".substance", c.substance(),
                        "an unambiguous Table 1 entry; it matches rows "
                                + found.stream().map(n -> Integer.toString(n.row())).collect(Collectors.joining(", "))
                                + " — use ChemicalQuantity.ofTable1Row(row, q)");
            }
            t1 = found.isEmpty() ? null : found.get(0);
        }
        if (t1 != null) {
            return new Resolved(c, t1, null);
        }
        if (c.categories().isEmpty()) {
            throw new InvalidHazardInputException(field + ".categories", "[]",
                    "substance '" + c.substance() + "' is not in GB 18218-2018 Table 1, so at least one hazard "
                            + "category (J1..J5, W1.1..W11, Table 2) is needed to find its critical quantity");
        }
        CategoryThreshold min = c.categories().stream().map(tables::threshold)
                .min(Comparator.comparing(CategoryThreshold::criticalQuantityTonnes)
                        .thenComparing(ct -> ct.category().ordinal()))
                .orElseThrow();
        return new Resolved(c, null, min);
    }

    private Beta beta(Resolved res, int index) {
        ChemicalQuantity c = res.input;
        Optional<ToxicGasBeta> t3 = Optional.empty();
        if (res.table1 != null) {
            t3 = tables.findTable3(res.table1);
        }
        if (t3.isEmpty() && !c.substance().isEmpty()) {
            t3 = tables.findTable3(c.substance());
        }
        if (t3.isPresent()) {
            return new Beta(t3.get().beta(), t3.get().citation(), "named toxic gas");
        }
        Set<HazardCategory> cats = c.categories();
        String origin = "given categories";
        if (cats.isEmpty() && res.table1 != null) {
            cats = res.table1.defaultCategories();
            origin = "platform default category of Table 1 row " + res.table1.row();
        }
        if (cats.isEmpty()) {
            throw new InvalidHazardInputException("chemicals[" + index + "].categories", "[]",
                    "'" + displayName(c, res) + "' is not in GB 18218-2018 Table 3 and has no default hazard category; "
                            + "give its GB 30000 hazard categories (J1..J5, W1.1..W11) so β can be taken from Table 4");
        }
        CategoryBeta max = cats.stream().map(tables::beta)
                .max(Comparator.comparing(CategoryBeta::beta).thenComparing(cb -> -cb.category().ordinal()))
                .orElseThrow();
        String remark = "not in Table 3; " + origin + " " + codes(cats)
                + (cats.size() > 1 ? ", largest β applies" : "");
        return new Beta(max.beta(), max.citation(), remark);
    }

    private static String displayName(ChemicalQuantity c, Resolved res) {
        String base;
        if (res.table1 != null) {
            base = res.table1.nameZh();
        } else if (!c.substance().isEmpty()) {
            base = c.substance();
        } else if (!c.label().isEmpty()) {
            return c.label() + " " + codes(c.categories());
        } else {
            base = "substance " + codes(c.categories());
        }
        return c.label().isEmpty() ? base : base + " [" + c.label() + "]";
    }

    private static String codes(Set<HazardCategory> cats) {
        if (cats.isEmpty()) {
            return "[]";
        }
        return EnumSet.copyOf(cats).stream().map(HazardCategory::code).collect(Collectors.joining(", ", "[", "]"));
    }
}
