package org.chempark.classification.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.chempark.sdk.risk.RiskFactor;

/**
 * Enterprise classification 特别管控 / 重点关注 / 一般监管 (guideline 四(二)5) by configurable rules: each
 * rule compares one factor (a factor type id, or a glob such as {@code *.active-alarms}, summed or
 * maximised over the enterprise's matching factors) with a threshold. The class is the most severe
 * class among the rules that fired; every result lists them with the values and explanations that
 * made them fire, and the rules that could not be evaluated because no module provides the factor.
 */
final class Rules {
    static final String SPECIAL_CONTROL = "SPECIAL_CONTROL";
    static final String KEY_ATTENTION = "KEY_ATTENTION";
    static final String GENERAL = "GENERAL";

    record Rule(String id, String clazz, String factor, String aggregate, String operator, Double threshold, String nameZh, String citation,
            Boolean enabled, Integer version) {
    }

    record Fired(String ruleId, String clazz, String nameZh, String factor, double value, String operator, double threshold, String citation,
            List<String> because) {
    }

    record Outcome(String clazz, String classZh, List<Fired> fired, List<String> notEvaluated) {
    }

    private Rules() {
    }

    static String classZh(String clazz) {
        return switch (clazz) {
            case SPECIAL_CONTROL -> "特别管控";
            case KEY_ATTENTION -> "重点关注";
            default -> "一般监管";
        };
    }

    static boolean matches(String pattern, String factorType) {
        if (!pattern.contains("*")) {
            return pattern.equals(factorType);
        }
        StringBuilder re = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            re.append(Pattern.quote(part)).append(".*");
        }
        re.setLength(re.length() - 2);
        return Pattern.matches(re.toString(), factorType);
    }

    static boolean compare(double value, String op, double threshold) {
        return switch (op) {
            case ">=" -> value >= threshold;
            case ">" -> value > threshold;
            case "==" -> value == threshold;
            case "<=" -> value <= threshold;
            case "<" -> value < threshold;
            default -> throw new IllegalArgumentException("operator " + op);
        };
    }

    static Outcome evaluate(List<Rule> rules, List<RiskFactor> factors) {
        List<Fired> fired = new ArrayList<>();
        List<String> notEvaluated = new ArrayList<>();
        for (Rule r : rules) {
            if (Boolean.FALSE.equals(r.enabled()) || r.threshold() == null) {
                continue;
            }
            List<RiskFactor> matching = factors.stream().filter(f -> matches(r.factor(), f.type())).toList();
            if (matching.isEmpty()) {
                notEvaluated.add(r.id() + " (" + r.factor() + ": no module provides it)");
                continue;
            }
            double value = r.aggregate().toUpperCase(Locale.ROOT).equals("MAX")
                    ? matching.stream().mapToDouble(RiskFactor::value).max().orElse(0)
                    : matching.stream().mapToDouble(RiskFactor::value).sum();
            if (compare(value, r.operator(), r.threshold())) {
                fired.add(new Fired(r.id(), r.clazz(), r.nameZh(), r.factor(), value, r.operator(), r.threshold(), r.citation(),
                        matching.stream().filter(f -> f.value() != 0).map(f -> f.type() + (f.unitId() == null ? "" : "[unit " + f.unitId() + "]")
                                + " = " + f.value() + (f.explanation() == null ? "" : ": " + f.explanation())).toList()));
            }
        }
        String clazz = fired.stream().anyMatch(f -> f.clazz().equals(SPECIAL_CONTROL)) ? SPECIAL_CONTROL
                : fired.isEmpty() ? GENERAL : KEY_ATTENTION;
        fired.sort((a, b) -> a.clazz().equals(b.clazz()) ? 0 : a.clazz().equals(SPECIAL_CONTROL) ? -1 : 1);
        return new Outcome(clazz, classZh(clazz), fired, notEvaluated);
    }
}
