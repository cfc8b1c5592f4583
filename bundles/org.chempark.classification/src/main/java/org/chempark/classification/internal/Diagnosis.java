package org.chempark.classification.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.ProblemException;

/**
 * The 100-point enterprise risk diagnosis of 应急〔2018〕19号 (危险化学品生产储存企业安全风险评估诊断分级指南
 * (试行)). The table is data ({@code diagnosis-projects.csv}, {@code diagnosis-items.csv},
 * {@code direct-red.csv}, sources in {@code diagnosis-sources.csv}); the rules applied here are, with the
 * clause each implements (docs/enterprise-classification.md):
 * <ul>
 * <li>a row's deduction is its points, or its points per unit times the count the assessor gives (每一种, 每一处,
 * 每一人次 …);</li>
 * <li>the deductions of one 项目 stop at the 项目's 分值 (每个项目分值扣完为止，最低为0分); the 分值 sum to 100;</li>
 * <li>score = 100 − the capped deductions + the bonus rows (加分项); the source states no ceiling, so a score
 * may exceed 100 (at most 131 with this table);</li>
 * <li>红色 below 60, 橙色 60 to below 75, 黄色 75 to below 90, 蓝色 90 and above;</li>
 * <li>any 直接判定为红色 condition makes the result 红色 whatever the score.</li>
 * </ul>
 */
final class Diagnosis {
    static final String DEDUCT = "DEDUCT";
    static final String BONUS = "BONUS";
    /** A sanity bound on counts where the row itself sets none (a typo of 1000 places is an error, not a finding). */
    static final int MAX_COUNT = 999;

    /** A public source the table was checked against. */
    record Source(String id, String title, String url, String gives) {
    }

    /** One 项目: its deductions stop at {@code maxDeduction} (its 分值); 0 for a 项目 of bonus rows only. */
    record Project(String id, String category, String name, double maxDeduction, String source, String status) {
    }

    /**
     * One row (评估内容) of the table. {@code per} names the unit when {@code points} are per unit (the assessor
     * gives a count), else it is null; {@code maxCount} bounds the count where the row does; {@code excludes}
     * lists rows or direct-red conditions that cannot hold together with this one.
     */
    record Item(String id, String projectId, String category, String project, String kind, double points, String per, Integer maxCount,
            List<String> excludes, String text, String source, String status) {
    }

    /** One 直接判定为红色 condition. */
    record DirectRed(String id, String text, String source, String status) {
    }

    /**
     * What an assessor found for one row: a {@code count} of units for a per-unit row, or (as before the table had
     * units) the {@code points} themselves, which must then be the row's points or a multiple of its unit points.
     * Stored findings carry both.
     */
    record Finding(String itemId, Integer count, Double points, String note) {
    }

    /** The subtotal of one 项目. */
    record ProjectScore(String projectId, String name, double maxDeduction, double found, double deducted, double added) {
    }

    /** The outcome with its explanation. */
    record Result(double score, String level, String levelZh, double deducted, double added, List<ProjectScore> projects,
            List<Finding> deductions, List<Finding> bonuses, List<String> explanation) {
    }

    static final double RED_BELOW = 60;
    static final double ORANGE_BELOW = 75;
    static final double YELLOW_BELOW = 90;
    static final double BASE = 100;

    final Map<String, Source> sources;
    final Map<String, Project> projects;
    final Map<String, Item> items;
    final Map<String, DirectRed> directRed;

    Diagnosis(Map<String, Source> sources, Map<String, Project> projects, Map<String, Item> items, Map<String, DirectRed> directRed) {
        this.sources = sources;
        this.projects = projects;
        this.items = items;
        this.directRed = directRed;
        check();
    }

    static Diagnosis load() {
        Map<String, Source> sources = new LinkedHashMap<>();
        for (String[] r : csv("diagnosis-sources.csv", 4)) {
            sources.put(r[0], new Source(r[0], r[1], r[2], r[3]));
        }
        Map<String, Project> projects = new LinkedHashMap<>();
        for (String[] r : csv("diagnosis-projects.csv", 6)) {
            projects.put(r[0], new Project(r[0], r[1], r[2], Double.parseDouble(r[3]), r[4], r[5]));
        }
        Map<String, Item> items = new LinkedHashMap<>();
        for (String[] r : csv("diagnosis-items.csv", 10)) {
            Project p = projects.get(r[1]);
            if (p == null) {
                throw new IllegalStateException("diagnosis-items.csv: row " + r[0] + " names unknown 项目 " + r[1]);
            }
            items.put(r[0], new Item(r[0], r[1], p.category(), p.name(), r[2], Double.parseDouble(r[3]), r[4].isEmpty() ? null : r[4],
                    r[5].isEmpty() ? null : Integer.valueOf(r[5]), r[6].isEmpty() ? List.of() : List.of(r[6].split("\\|")), r[7], r[8], r[9]));
        }
        Map<String, DirectRed> red = new LinkedHashMap<>();
        for (String[] r : csv("direct-red.csv", 4)) {
            red.put(r[0], new DirectRed(r[0], r[1], r[2], r[3]));
        }
        return new Diagnosis(sources, projects, items, red);
    }

    /** The table must be consistent: a broken CSV fails at start-up, not in an assessor's hands. */
    private void check() {
        List<String> problems = new ArrayList<>();
        double total = projects.values().stream().mapToDouble(Project::maxDeduction).sum();
        if (total != BASE) {
            problems.add("the 分值 of the 项目 sum to " + total + ", not 100");
        }
        for (Item i : items.values()) {
            if (!DEDUCT.equals(i.kind()) && !BONUS.equals(i.kind())) {
                problems.add(i.id() + ": kind " + i.kind());
            }
            if (!(i.points() > 0) || BigDecimal.valueOf(i.points()).scale() > 1) {
                problems.add(i.id() + ": points " + i.points());
            }
            if (i.maxCount() != null && (i.per() == null || i.maxCount() < 1)) {
                problems.add(i.id() + ": maxCount without a unit");
            }
            if (DEDUCT.equals(i.kind()) && projects.get(i.projectId()).maxDeduction() <= 0) {
                problems.add(i.id() + ": a deduction in 项目 " + i.projectId() + " which has no 分值");
            }
            for (String x : i.excludes()) {
                Item other = items.get(x);
                if (other == null && !directRed.containsKey(x)) {
                    problems.add(i.id() + ": excludes unknown " + x);
                } else if (other != null && !other.excludes().contains(i.id())) {
                    problems.add(i.id() + " excludes " + x + " but not the other way round");
                }
            }
        }
        List<String[]> rows = new ArrayList<>(); // id, source, status
        projects.values().forEach(p -> rows.add(new String[] { p.id(), p.source(), p.status() }));
        items.values().forEach(i -> rows.add(new String[] { i.id(), i.source(), i.status() }));
        directRed.values().forEach(d -> rows.add(new String[] { d.id(), d.source(), d.status() }));
        for (String[] r : rows) {
            if (!Set.of("SOURCED", "PLACEHOLDER").contains(r[2])) {
                problems.add(r[0] + ": status " + r[2]);
            }
            if ("SOURCED".equals(r[2]) && sources.keySet().stream().noneMatch(r[1]::contains)) {
                problems.add(r[0] + ": SOURCED without a source of diagnosis-sources.csv");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("diagnosis table inconsistent: " + problems);
        }
    }

    private static List<String[]> csv(String name, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Diagnosis.class.getResourceAsStream(name);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(";", -1);
                if (parts.length != columns) {
                    throw new IllegalStateException(name + ": expected " + columns + " columns: " + line);
                }
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = parts[i].trim();
                }
                rows.add(parts);
            }
        } catch (IOException e) {
            throw new IllegalStateException(name + " unreadable", e);
        }
        return rows;
    }

    /** The level of a score without direct-red conditions. */
    static String level(double score) {
        if (score < RED_BELOW) {
            return "RED";
        }
        if (score < ORANGE_BELOW) {
            return "ORANGE";
        }
        return score < YELLOW_BELOW ? "YELLOW" : "BLUE";
    }

    static String levelZh(String level) {
        return switch (level) {
            case "RED" -> "红色";
            case "ORANGE" -> "橙色";
            case "YELLOW" -> "黄色";
            default -> "蓝色";
        };
    }

    /** 4 red, 3 orange, 2 yellow, 1 blue: the factor value classification rules compare. */
    static int rank(String level) {
        return switch (level) {
            case "RED" -> 4;
            case "ORANGE" -> 3;
            case "YELLOW" -> 2;
            default -> 1;
        };
    }

    /** The highest score the table allows: 100 plus every bonus at its largest, mutually exclusive bonuses counted once. */
    double maxScore() {
        BigDecimal max = BigDecimal.valueOf(BASE);
        Set<String> counted = new HashSet<>();
        List<Item> bonuses = items.values().stream().filter(i -> BONUS.equals(i.kind()))
                .sorted((a, b) -> Double.compare(largest(b), largest(a))).toList();
        for (Item i : bonuses) {
            if (i.excludes().stream().noneMatch(counted::contains)) {
                counted.add(i.id());
                max = max.add(BigDecimal.valueOf(largest(i)));
            }
        }
        return max.doubleValue();
    }

    private static double largest(Item i) {
        return i.per() == null ? i.points() : i.points() * (i.maxCount() == null ? 1 : i.maxCount());
    }

    /** Scores a diagnosis without bonus rows (the API before bonuses existed). */
    Result score(List<Finding> deductions, List<String> directRedIds) {
        return score(deductions, List.of(), directRedIds);
    }

    /**
     * Scores a diagnosis. Unknown rows, a bonus row among the deductions (or the reverse), a row twice, counts or
     * points that do not fit the row, rows that exclude each other and unknown conditions are one 422 naming each.
     */
    Result score(List<Finding> deductions, List<Finding> bonuses, List<String> directRedIds) {
        List<FieldError> errors = new ArrayList<>();
        List<String> reds = directRedIds == null ? List.of() : directRedIds;
        for (int i = 0; i < reds.size(); i++) {
            if (reds.get(i) == null || !directRed.containsKey(reds.get(i))) {
                errors.add(new FieldError("directRed[" + i + "]", "exists", "unknown condition '" + reds.get(i) + "'; conditions are "
                        + directRed.keySet()));
            }
        }
        Map<String, String> listed = new LinkedHashMap<>(); // row or condition id -> the field that listed it, in input order
        for (int i = 0; i < reds.size(); i++) {
            listed.putIfAbsent(reds.get(i), "directRed[" + i + "]");
        }
        List<Finding> ds = resolve("deductions", deductions, DEDUCT, errors, listed);
        List<Finding> bs = resolve("bonuses", bonuses, BONUS, errors, listed);
        List<String> order = new ArrayList<>(listed.keySet());
        Set<String> reported = new HashSet<>();
        for (String id : order) {
            Item item = items.get(id);
            for (String x : item == null ? List.<String>of() : item.excludes()) {
                if (listed.containsKey(x) && reported.add(id.compareTo(x) < 0 ? id + "|" + x : x + "|" + id)) {
                    String field = listed.get(order.indexOf(x) > order.indexOf(id) ? x : id); // reported where the later one was listed
                    String otherText = directRed.containsKey(x) ? directRed.get(x).text() : items.get(x).text();
                    errors.add(new FieldError(field.startsWith("directRed") ? field : field + ".itemId", "excludes",
                            id + " and " + x + " cannot both hold (" + item.text() + " / " + otherText + ")"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }

        List<String> explanation = new ArrayList<>();
        Map<String, BigDecimal> found = new LinkedHashMap<>();
        Map<String, List<String>> lines = new HashMap<>();
        for (Finding f : ds) {
            Item item = items.get(f.itemId());
            found.merge(item.projectId(), BigDecimal.valueOf(f.points()), BigDecimal::add);
            lines.computeIfAbsent(item.projectId(), k -> new ArrayList<>()).add(describe(item, f));
        }
        List<ProjectScore> projectScores = new ArrayList<>();
        BigDecimal deducted = BigDecimal.ZERO;
        for (Project p : projects.values()) {
            BigDecimal f = found.getOrDefault(p.id(), BigDecimal.ZERO);
            BigDecimal cap = BigDecimal.valueOf(p.maxDeduction());
            BigDecimal d = f.min(cap);
            deducted = deducted.add(d);
            BigDecimal added = BigDecimal.ZERO;
            for (Finding b : bs) {
                if (items.get(b.itemId()).projectId().equals(p.id())) {
                    added = added.add(BigDecimal.valueOf(b.points()));
                }
            }
            projectScores.add(new ProjectScore(p.id(), p.name(), p.maxDeduction(), f.doubleValue(), d.doubleValue(), added.doubleValue()));
            if (f.signum() > 0) {
                explanation.add(p.id() + " " + p.name() + " (" + fmt(cap) + "分): " + String.join("; ", lines.get(p.id())) + " → -" + fmt(d)
                        + (f.compareTo(cap) > 0 ? " (" + fmt(f) + " 扣满 " + fmt(cap) + ": 每个项目分值扣完为止)" : ""));
            }
        }
        BigDecimal added = BigDecimal.ZERO;
        for (Finding b : bs) {
            Item item = items.get(b.itemId());
            added = added.add(BigDecimal.valueOf(b.points()));
            explanation.add("加分 " + describe(item, b));
        }
        BigDecimal score = BigDecimal.valueOf(BASE).subtract(deducted).add(added);
        String level = level(score.doubleValue());
        explanation.add(0, "100 - " + fmt(deducted) + " + " + fmt(added) + " = " + fmt(score) + " → " + levelZh(level)
                + " (红<60, 橙60–<75, 黄75–<90, 蓝≥90)");
        if (!reds.isEmpty()) {
            level = "RED";
            for (String id : new LinkedHashSet<>(reds)) {
                explanation.add("直接判定为红色 " + id + ": " + directRed.get(id).text());
            }
        }
        return new Result(score.doubleValue(), level, levelZh(level), deducted.doubleValue(), added.doubleValue(), projectScores, ds, bs,
                explanation);
    }

    /** Validates findings of one kind and returns them with count and points filled in. */
    private List<Finding> resolve(String field, List<Finding> in, String kind, List<FieldError> errors, Map<String, String> listed) {
        List<Finding> out = new ArrayList<>();
        List<Finding> fs = in == null ? List.of() : in;
        for (int i = 0; i < fs.size(); i++) {
            Finding f = fs.get(i);
            String at = field + "[" + i + "]";
            Item item = f == null || f.itemId() == null ? null : items.get(f.itemId());
            if (item == null) {
                errors.add(new FieldError(at + ".itemId", "exists", "unknown row '" + (f == null ? null : f.itemId()) + "'; " + field
                        + " rows are " + items.values().stream().filter(x -> kind.equals(x.kind())).map(Item::id).toList()));
                continue;
            }
            if (!kind.equals(item.kind())) {
                errors.add(new FieldError(at + ".itemId", "kind", item.id() + " is a " + (BONUS.equals(item.kind()) ? "bonus (加分) row: list it under bonuses"
                        : "deduction (扣分) row: list it under deductions")));
                continue;
            }
            if (listed.putIfAbsent(item.id(), at) != null) {
                errors.add(new FieldError(at + ".itemId", "unique", "row " + item.id() + " is listed twice; give its count once"));
                continue;
            }
            Finding resolved = resolve(at, item, f, errors);
            if (resolved != null) {
                out.add(resolved);
            }
        }
        return out;
    }

    private Finding resolve(String at, Item item, Finding f, List<FieldError> errors) {
        BigDecimal unit = BigDecimal.valueOf(item.points());
        Integer count = f.count();
        if (f.points() != null) {
            BigDecimal p = Double.isFinite(f.points()) ? BigDecimal.valueOf(f.points()) : null;
            BigDecimal[] qr = p == null || p.signum() <= 0 ? null : p.divideAndRemainder(unit);
            if (qr == null || qr[1].signum() != 0 || (item.per() == null && qr[0].intValue() != 1)) {
                errors.add(new FieldError(at + ".points", "range", item.per() == null
                        ? "row " + item.id() + " is " + (DEDUCT.equals(item.kind()) ? "扣" : "加") + fmt(unit) + "分: points must be " + fmt(unit)
                                + " (got " + f.points() + ")"
                        : "row " + item.id() + " is " + fmt(unit) + "分 per " + item.per() + ": give count, or points as a multiple of " + fmt(unit)
                                + " (got " + f.points() + ")"));
                return null;
            }
            int fromPoints = qr[0].intValue();
            if (count != null && count != fromPoints) {
                errors.add(new FieldError(at + ".points", "consistent", "points " + f.points() + " are not count " + count + " × " + fmt(unit)));
                return null;
            }
            count = fromPoints;
        }
        if (item.per() == null) {
            if (count != null && count != 1) {
                errors.add(new FieldError(at + ".count", "range", "row " + item.id() + " is not counted per unit: leave count out (or 1)"));
                return null;
            }
            return new Finding(item.id(), null, item.points(), f.note());
        }
        int max = item.maxCount() == null ? MAX_COUNT : item.maxCount();
        if (count == null || count < 1 || count > max) {
            errors.add(new FieldError(at + ".count", "range", "row " + item.id() + " is " + fmt(unit) + "分 per " + item.per() + ": count must be 1 to "
                    + max + " (got " + count + ")"));
            return null;
        }
        return new Finding(item.id(), count, unit.multiply(BigDecimal.valueOf(count)).doubleValue(), f.note());
    }

    private static String describe(Item item, Finding f) {
        String sign = DEDUCT.equals(item.kind()) ? "-" : "+";
        return item.id() + " " + item.text() + (item.per() == null ? ": " + sign + fmt(item.points())
                : " ×" + f.count() + item.per() + ": " + sign + fmt(BigDecimal.valueOf(f.points())));
    }

    private static String fmt(double d) {
        return fmt(BigDecimal.valueOf(d));
    }

    private static String fmt(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return "Diagnosis" + Arrays.asList(projects.size() + " 项目", items.size() + " rows", directRed.size() + " direct-red");
    }
}
