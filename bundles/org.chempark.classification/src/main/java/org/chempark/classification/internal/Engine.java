package org.chempark.classification.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.chempark.classification.internal.Model.Classification;
import org.chempark.classification.internal.Model.DiagnosisRecord;
import org.chempark.sdk.risk.RiskFactor;
import org.chempark.sdk.risk.RiskFactorProvider;
import org.chempark.sdk.security.DataScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies every enterprise from the factors of every registered {@link RiskFactorProvider}
 * (including this module's commitments and diagnosis) with the configured rules, keeps the
 * current result per enterprise, appends changes to the history and posts an event when an
 * enterprise's class changes.
 */
final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    /** What the engine needs of an enterprise. */
    record EnterpriseInfo(long id, String name, Map<String, Object> geometry) {
    }

    private final Stores stores;
    private final Supplier<List<EnterpriseInfo>> enterprises;
    private final Supplier<List<RiskFactorProvider>> providers;
    private final BiConsumer<String, Map<String, Object>> events;
    private final Map<Long, Classification> current = new ConcurrentHashMap<>();

    Engine(Stores stores, Supplier<List<EnterpriseInfo>> enterprises, Supplier<List<RiskFactorProvider>> providers,
            BiConsumer<String, Map<String, Object>> events) {
        this.stores = stores;
        this.enterprises = enterprises;
        this.providers = providers;
        this.events = events;
    }

    synchronized List<Classification> classifyAll() {
        List<Rules.Rule> rules = stores.rules();
        Map<Long, DiagnosisRecord> diagnoses = stores.latestDiagnoses();
        List<Classification> out = new ArrayList<>();
        List<EnterpriseInfo> all = enterprises.get();
        for (EnterpriseInfo e : all) {
            out.add(classify(e, rules, diagnoses));
        }
        current.keySet().retainAll(all.stream().map(EnterpriseInfo::id).toList());
        return out;
    }

    synchronized Classification classify(long enterpriseId) {
        EnterpriseInfo e = enterprises.get().stream().filter(x -> x.id() == enterpriseId).findFirst()
                .orElseThrow(() -> org.chempark.sdk.rest.ProblemException.notFound("enterprise", enterpriseId));
        return classify(e, stores.rules(), stores.latestDiagnoses());
    }

    private Classification classify(EnterpriseInfo e, List<Rules.Rule> rules, Map<Long, DiagnosisRecord> diagnoses) {
        List<RiskFactor> factors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (RiskFactorProvider p : providers.get()) {
            try {
                factors.addAll(p.factors(e.id()));
            } catch (RuntimeException x) {
                notes.add("provider " + p.getClass().getSimpleName() + " unavailable: " + x.getMessage());
            }
        }
        Rules.Outcome o = Rules.evaluate(rules, factors);
        List<String> notEvaluated = new ArrayList<>(o.notEvaluated());
        notEvaluated.addAll(notes);
        DiagnosisRecord d = diagnoses.get(e.id());
        Classification c = new Classification(e.id(), e.name(), o.clazz(), o.classZh(), Model.classColour(o.clazz()), o.fired(), notEvaluated,
                d == null ? null : d.level(), d == null ? null : d.levelZh(), d == null ? null : d.score(), Instant.now());
        Classification before = current.put(e.id(), c);
        stores.record(e.id(), c.clazz(), firedJson(o.fired()));
        if (before != null && !before.clazz().equals(c.clazz())) {
            Map<String, Object> p = new HashMap<>();
            p.put("module", ClassificationModule.ID);
            p.put("enterpriseId", e.id());
            p.put("clazz", c.clazz());
            p.put("previous", before.clazz());
            events.accept(ClassificationModule.CHANGED_TOPIC, p);
            LOG.info("Enterprise {} ({}) classified {} (was {})", e.id(), e.name(), c.classZh(), before.classZh());
        }
        return c;
    }

    /** The current results the caller may see (computed first if nothing is known yet). */
    List<Classification> current() {
        if (current.isEmpty()) {
            classifyAll();
        }
        DataScope scope = DataScope.current();
        return current.values().stream().filter(c -> scope.allows(c.enterpriseId()))
                .sorted(Comparator.comparing((Classification c) -> rank(c.clazz())).reversed().thenComparing(Classification::enterpriseId)).toList();
    }

    static int rank(String clazz) {
        return switch (clazz) {
            case Rules.SPECIAL_CONTROL -> 3;
            case Rules.KEY_ATTENTION -> 2;
            default -> 1;
        };
    }

    /** GeoJSON of the visible enterprises with their class and diagnosis colour, for the park map. */
    Map<String, Object> map() {
        Map<Long, Classification> byId = new HashMap<>();
        current().forEach(c -> byId.put(c.enterpriseId(), c));
        List<Map<String, Object>> features = new ArrayList<>();
        for (EnterpriseInfo e : enterprises.get()) {
            Classification c = byId.get(e.id());
            if (c == null) {
                continue;
            }
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("layer", "classification");
            props.put("enterpriseId", e.id());
            props.put("name", e.name());
            props.put("clazz", c.clazz());
            props.put("classZh", c.classZh());
            props.put("colour", c.colour());
            props.put("diagnosisLevel", c.diagnosisLevel());
            props.put("diagnosisLevelZh", c.diagnosisLevelZh());
            props.put("diagnosisColour", Model.levelColour(c.diagnosisLevel()));
            props.put("diagnosisScore", c.diagnosisScore());
            props.put("rulesFired", c.fired().stream().map(Rules.Fired::nameZh).toList());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", "Feature");
            f.put("id", "classification-" + e.id());
            f.put("geometry", e.geometry());
            f.put("properties", props);
            features.add(f);
        }
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", features);
        return fc;
    }

    static String firedJson(List<Rules.Fired> fired) {
        StringBuilder sb = new StringBuilder("[");
        for (Rules.Fired f : fired) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append("{\"rule\":").append(quote(f.ruleId())).append(",\"value\":").append(f.value()).append('}');
        }
        return sb.append(']').toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch < 0x20) {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }
}
