package org.chempark.classification.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.ProblemException;

/**
 * The 100-point enterprise risk diagnosis of 应急〔2018〕19号 (危险化学品生产储存企业安全风险评估诊断分级指南
 * (试行)): start from 100, subtract the deductions of the table's items; 红色 below 60, 橙色 60 to below
 * 75, 黄色 75 to below 90, 蓝色 90 and above; any of the direct-red conditions (直接判定为红色) makes
 * the result 红色 whatever the score. The item table and the conditions are data
 * ({@code diagnosis-items.csv}, {@code direct-red.csv}) with their sources.
 */
final class Diagnosis {
    /** One deduction item of the table. */
    record Item(String id, String category, String text, double maxDeduction, String source, String status) {
    }

    /** One 直接判定为红色 condition. */
    record DirectRed(String id, String text, String source, String status) {
    }

    /** What an assessor found: points deducted for one item. */
    record Deduction(String itemId, Double points, String note) {
    }

    /** The outcome with its explanation. */
    record Result(double score, String level, String levelZh, List<String> explanation) {
    }

    static final double RED_BELOW = 60;
    static final double ORANGE_BELOW = 75;
    static final double YELLOW_BELOW = 90;

    final Map<String, Item> items;
    final Map<String, DirectRed> directRed;

    Diagnosis(Map<String, Item> items, Map<String, DirectRed> directRed) {
        this.items = items;
        this.directRed = directRed;
    }

    static Diagnosis load() {
        Map<String, Item> items = new LinkedHashMap<>();
        for (String[] r : csv("diagnosis-items.csv", 6)) {
            items.put(r[0], new Item(r[0], r[1], r[2], Double.parseDouble(r[3]), r[4], r[5]));
        }
        Map<String, DirectRed> red = new LinkedHashMap<>();
        for (String[] r : csv("direct-red.csv", 4)) {
            red.put(r[0], new DirectRed(r[0], r[1], r[2], r[3]));
        }
        return new Diagnosis(items, red);
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

    /** Scores a diagnosis; unknown items, negative or excessive deductions and unknown conditions are a 422 naming them. */
    Result score(List<Deduction> deductions, List<String> directRedIds) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        List<String> explanation = new ArrayList<>();
        List<Deduction> ds = deductions == null ? List.of() : deductions;
        for (int i = 0; i < ds.size(); i++) {
            Deduction d = ds.get(i);
            String f = "deductions[" + i + "]";
            Item item = d == null || d.itemId() == null ? null : items.get(d.itemId());
            if (item == null) {
                errors.add(new FieldError(f + ".itemId", "exists", "unknown item '" + (d == null ? null : d.itemId()) + "'; items are " + items.keySet()));
                continue;
            }
            if (!seen.add(item.id())) {
                errors.add(new FieldError(f + ".itemId", "unique", "item " + item.id() + " is listed twice; give its total deduction once"));
            }
            if (d.points() == null || !Double.isFinite(d.points()) || d.points() <= 0 || d.points() > item.maxDeduction()) {
                errors.add(new FieldError(f + ".points", "range", "points for " + item.id() + " must be more than 0 and at most "
                        + fmt(item.maxDeduction()) + " (got " + d.points() + ")"));
                continue;
            }
            BigDecimal p = BigDecimal.valueOf(d.points()).setScale(1, RoundingMode.HALF_UP);
            if (p.compareTo(BigDecimal.valueOf(d.points())) != 0) {
                errors.add(new FieldError(f + ".points", "scale", "points are given to 0.1"));
            }
            total = total.add(p);
            explanation.add(item.id() + " " + item.text() + ": -" + p.toPlainString());
        }
        List<String> reds = directRedIds == null ? List.of() : directRedIds;
        for (int i = 0; i < reds.size(); i++) {
            if (!directRed.containsKey(reds.get(i))) {
                errors.add(new FieldError("directRed[" + i + "]", "exists", "unknown condition '" + reds.get(i) + "'; conditions are "
                        + directRed.keySet()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        double score = Math.max(0, BigDecimal.valueOf(100).subtract(total).doubleValue());
        String level = level(score);
        explanation.add(0, "100 - " + total.toPlainString() + " = " + fmt(score) + " → " + levelZh(level) + " (红<60, 橙60–<75, 黄75–<90, 蓝≥90)");
        if (!reds.isEmpty()) {
            level = "RED";
            for (String id : new java.util.LinkedHashSet<>(reds)) {
                explanation.add("直接判定为红色 " + id + ": " + directRed.get(id).text());
            }
        }
        return new Result(score, level, levelZh(level), explanation);
    }

    private static String fmt(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
