package org.chempark.risk.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The risk model's values and its validated settings. */
final class Model {
    private Model() {
    }

    /** 四色: 红 重大风险, 橙 较大风险, 黄 一般风险, 蓝 低风险 (worst first). */
    enum Colour {
        RED("红", "重大风险"), ORANGE("橙", "较大风险"), YELLOW("黄", "一般风险"), BLUE("蓝", "低风险");

        final String zh;
        final String riskZh;

        Colour(String zh, String riskZh) {
            this.zh = zh;
            this.riskZh = riskZh;
        }

        boolean worseThan(Colour other) {
            return other == null || ordinal() < other.ordinal();
        }

        boolean atLeast(Colour other) {
            return ordinal() <= other.ordinal();
        }
    }

    /** One factor's part of a score. */
    record Contribution(String factor, String nameZh, Long unitId, double value, double weight, double cap, double points,
            String explanation) {
    }

    /** The score of an enterprise ({@code unitId == null}) or of one of its hazard sources. */
    record Score(long enterpriseId, Long unitId, double score, Colour colour, String colourZh, List<Contribution> contributions,
            String summary, Instant computedAt) {
        String key() {
            return unitId == null ? "E:" + enterpriseId : "U:" + unitId;
        }
    }

    record Weight(double weight, double cap) {
    }

    /** The parsed, validated configuration. */
    record Settings(Map<String, Weight> weights, Weight defaultWeight, double red, double orange, double yellow, Colour warnFrom,
            Map<Colour, long[]> deadlinesMinutes, int reminderPercent, Map<Colour, List<String>> recipients,
            Map<Colour, List<String>> escalation, Set<String> alarmKinds, Colour alarmLevel, boolean alarmMajorOnly, int recomputeSeconds) {

        Weight weight(String factor) {
            return weights.getOrDefault(factor, defaultWeight);
        }

        Colour colour(double score) {
            return score >= red ? Colour.RED : score >= orange ? Colour.ORANGE : score >= yellow ? Colour.YELLOW : Colour.BLUE;
        }

        /** Deadline of the step that follows {@code state} (0 = verify, 1 = feedback, 2 = supervise, 3 = close). */
        long deadlineMinutes(Colour level, int step) {
            return deadlinesMinutes.get(level)[step];
        }

        static Settings parse(RiskConfig c) {
            List<String> errors = new ArrayList<>();
            Map<String, Weight> weights = new LinkedHashMap<>();
            for (String w : c.weights()) {
                String[] kv = w.split("=", 2);
                if (kv.length != 2 || !kv[0].strip().matches("[a-z][a-z0-9-]*\\.[a-z][a-z0-9.-]*")) {
                    errors.add("weights: '" + w + "' must be <factor id>=<weight>[:<cap>]");
                    continue;
                }
                Weight parsed = weight(kv[1], "weights " + kv[0].strip(), errors);
                if (parsed != null) {
                    weights.put(kv[0].strip(), parsed);
                }
            }
            Weight def = new Weight(c.default_weight(), c.default_cap());
            if (!(def.weight() >= 0 && def.cap() >= 0 && Double.isFinite(def.weight()) && Double.isFinite(def.cap()))) {
                errors.add("default.weight and default.cap must be 0 or more");
            }
            if (!(c.threshold_yellow() > 0 && c.threshold_yellow() < c.threshold_orange() && c.threshold_orange() < c.threshold_red()
                    && c.threshold_red() <= 100)) {
                errors.add("thresholds must satisfy 0 < yellow < orange < red ≤ 100, got yellow=" + c.threshold_yellow() + " orange="
                        + c.threshold_orange() + " red=" + c.threshold_red());
            }
            Colour warnFrom = colour(c.warning_from(), "warning.from", errors);
            Map<Colour, long[]> deadlines = new EnumMap<>(Colour.class);
            for (String d : c.deadlines()) {
                String[] kv = d.split("=", 2);
                Colour level = kv.length == 2 ? colour(kv[0], "deadlines", errors) : null;
                if (level == null) {
                    errors.add("deadlines: '" + d + "' must be <LEVEL>=<verify>,<feedback>,<supervise>,<close> (minutes)");
                    continue;
                }
                String[] parts = kv[1].split(",");
                long[] m = new long[4];
                boolean ok = parts.length == 4;
                for (int i = 0; ok && i < 4; i++) {
                    try {
                        m[i] = Long.parseLong(parts[i].strip());
                        ok = m[i] > 0 && m[i] <= 60L * 24 * 90;
                    } catch (NumberFormatException e) {
                        ok = false;
                    }
                }
                if (!ok) {
                    errors.add("deadlines: '" + d + "' needs four whole minutes between 1 and 129600");
                } else {
                    deadlines.put(level, m);
                }
            }
            for (Colour l : Colour.values()) {
                if (!deadlines.containsKey(l)) {
                    errors.add("deadlines: no deadlines for " + l);
                }
            }
            if (c.reminder_percent() < 0 || c.reminder_percent() > 90) {
                errors.add("reminder.percent must be between 0 and 90");
            }
            Map<Colour, List<String>> recipients = recipients(c.recipients(), "recipients", errors);
            Map<Colour, List<String>> escalation = recipients(c.escalation(), "escalation", errors);
            Set<String> kinds = Set.copyOf(List.of(c.alarm_rule_kinds()).stream().map(s -> s.strip().toUpperCase(Locale.ROOT)).toList());
            for (String k : kinds) {
                if (!Set.of("HH", "H", "L", "LL", "RATE", "STALE", "BAD_QUALITY").contains(k)) {
                    errors.add("alarm.rule.kinds: unknown alarm kind '" + k + "'");
                }
            }
            Colour alarmLevel = colour(c.alarm_rule_level(), "alarm.rule.level", errors);
            if (c.recompute_period_s() < 10) {
                errors.add("recompute.period.s must be at least 10");
            }
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", errors));
            }
            return new Settings(Map.copyOf(weights), def, c.threshold_red(), c.threshold_orange(), c.threshold_yellow(), warnFrom, deadlines,
                    c.reminder_percent(), recipients, escalation, kinds, alarmLevel, c.alarm_rule_major_only(), c.recompute_period_s());
        }

        private static Weight weight(String s, String what, List<String> errors) {
            String[] wc = s.split(":", 2);
            try {
                double w = Double.parseDouble(wc[0].strip());
                double cap = wc.length == 2 ? Double.parseDouble(wc[1].strip()) : 100;
                if (w < 0 || cap < 0 || !Double.isFinite(w) || !Double.isFinite(cap) || cap > 100) {
                    errors.add(what + ": weight and cap must be between 0 and 100");
                    return null;
                }
                return new Weight(w, cap);
            } catch (NumberFormatException e) {
                errors.add(what + ": '" + s + "' is not <weight>[:<cap>]");
                return null;
            }
        }

        private static Colour colour(String s, String what, List<String> errors) {
            try {
                return Colour.valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                errors.add(what + ": '" + s + "' must be RED, ORANGE, YELLOW or BLUE");
                return null;
            }
        }

        private static Map<Colour, List<String>> recipients(String[] entries, String what, List<String> errors) {
            Map<Colour, List<String>> out = new EnumMap<>(Colour.class);
            for (String e : entries) {
                String[] kv = e.split("=", 2);
                Colour level = kv.length == 2 ? colour(kv[0], what, errors) : null;
                if (level == null) {
                    errors.add(what + ": '" + e + "' must be <LEVEL>=<recipient>,…");
                    continue;
                }
                List<String> list = new ArrayList<>();
                for (String r : kv[1].split(",")) {
                    String t = r.strip();
                    if (!t.matches("(user|role|enterprise|mailto|sms):.+")) {
                        errors.add(what + ": recipient '" + t + "' must start with user:, role:, enterprise:, mailto: or sms:");
                    } else {
                        list.add(t);
                    }
                }
                out.put(level, List.copyOf(list));
            }
            for (Colour l : Colour.values()) {
                out.putIfAbsent(l, List.of());
            }
            return out;
        }
    }
}
