package org.chempark.risk.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.chempark.risk.internal.Model.Contribution;
import org.chempark.risk.internal.Model.Score;
import org.chempark.risk.internal.Model.Settings;
import org.chempark.risk.internal.Model.Weight;
import org.chempark.sdk.risk.RiskFactor;

/**
 * The scoring rule, pure: each factor type contributes {@code min(cap, weight × Σ values)} points.
 * A hazard source's score is the sum of the contributions of the factors of that source (at most
 * 100). The enterprise's score is the higher of its worst hazard source's score and the score of
 * its enterprise-level factors (those without a unit: e.g. the enterprise's total of active
 * alarms, or hidden dangers not tied to a source) — enterprise-level values are never added to a
 * source's score, since providers report them as the enterprise's own figure, which may already
 * include the sources' values. The colour follows from the thresholds.
 */
final class RiskEngine {
    private RiskEngine() {
    }

    /** Scores of one enterprise: the enterprise's first, then one per hazard source that has a factor. */
    static List<Score> score(long enterpriseId, List<RiskFactor> factors, Map<String, String> typeNames, Settings s, Instant now) {
        Map<String, List<RiskFactor>> wide = new TreeMap<>();
        Map<Long, Map<String, List<RiskFactor>>> perUnit = new TreeMap<>();
        for (RiskFactor f : factors) {
            if (f.enterpriseId() != enterpriseId) {
                continue;
            }
            if (f.unitId() == null) {
                wide.computeIfAbsent(f.type(), k -> new ArrayList<>()).add(f);
            } else {
                perUnit.computeIfAbsent(f.unitId(), k -> new TreeMap<>()).computeIfAbsent(f.type(), k -> new ArrayList<>()).add(f);
            }
        }
        List<Contribution> wideContributions = contributions(null, wide, typeNames, s);
        List<Score> units = new ArrayList<>();
        for (Map.Entry<Long, Map<String, List<RiskFactor>>> e : perUnit.entrySet()) {
            units.add(score(enterpriseId, e.getKey(), contributions(e.getKey(), e.getValue(), typeNames, s), s, now, null));
        }
        Score worst = units.stream().max(Comparator.comparingDouble(Score::score)).orElse(null);
        Score enterprise = worst == null || worst.score() <= total(wideContributions)
                ? score(enterpriseId, null, wideContributions, s, now, null)
                : score(enterpriseId, null, worst.contributions(), s, now, "hazard source " + worst.unitId() + " decides: ");
        List<Score> out = new ArrayList<>();
        out.add(enterprise);
        out.addAll(units);
        return out;
    }

    private static List<Contribution> contributions(Long unitId, Map<String, List<RiskFactor>> byType, Map<String, String> typeNames,
            Settings s) {
        List<Contribution> out = new ArrayList<>();
        for (Map.Entry<String, List<RiskFactor>> e : byType.entrySet()) {
            Weight w = s.weight(e.getKey());
            double value = e.getValue().stream().mapToDouble(RiskFactor::value).sum();
            double points = Math.max(0, Math.min(w.cap(), w.weight() * value));
            String explanation = String.join("; ", e.getValue().stream().map(f -> f.explanation() == null ? "" : f.explanation())
                    .filter(x -> !x.isBlank()).toList());
            out.add(new Contribution(e.getKey(), typeNames.getOrDefault(e.getKey(), e.getKey()), unitId, round(value), w.weight(), w.cap(),
                    round(points), explanation));
        }
        return out;
    }

    private static Score score(long enterpriseId, Long unitId, List<Contribution> cs, Settings s, Instant now, String prefix) {
        double total = round(Math.min(100, total(cs)));
        Model.Colour colour = s.colour(total);
        StringBuilder summary = new StringBuilder(colour.zh).append(' ').append(colour.riskZh).append(' ').append(total).append(" = ");
        if (prefix != null) {
            summary.insert(0, prefix);
        }
        if (cs.isEmpty()) {
            summary.append("no risk factor");
        }
        for (int i = 0; i < cs.size(); i++) {
            Contribution c = cs.get(i);
            summary.append(i == 0 ? "" : " + ").append(c.nameZh()).append(' ').append(c.points());
        }
        return new Score(enterpriseId, unitId, total, colour, colour.zh, List.copyOf(cs), summary.toString(), now);
    }

    private static double total(List<Contribution> cs) {
        return cs.stream().mapToDouble(Contribution::points).sum();
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static Map<String, Object> describe(Settings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> w = new TreeMap<>();
        s.weights().forEach((k, v) -> w.put(k, Map.of("weight", v.weight(), "cap", v.cap())));
        m.put("weights", w);
        m.put("defaultWeight", Map.of("weight", s.defaultWeight().weight(), "cap", s.defaultWeight().cap()));
        m.put("thresholds", Map.of("RED", s.red(), "ORANGE", s.orange(), "YELLOW", s.yellow()));
        m.put("warningFrom", s.warnFrom());
        Map<String, Object> d = new LinkedHashMap<>();
        s.deadlinesMinutes().forEach((k, v) -> d.put(k.name(), Map.of("verify", v[0], "feedback", v[1], "supervise", v[2], "close", v[3])));
        m.put("deadlinesMinutes", d);
        m.put("reminderPercent", s.reminderPercent());
        m.put("recipients", s.recipients());
        m.put("escalation", s.escalation());
        m.put("alarmRule", Map.of("kinds", new java.util.TreeSet<>(s.alarmKinds()), "level", s.alarmLevel(), "majorOnly", s.alarmMajorOnly()));
        return m;
    }
}
