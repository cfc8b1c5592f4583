package org.chempark.report.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.security.CurrentSubject;

/** What both stores share: database, files, clock, the asset lookups, events and search. */
final class Context {
    /** The enterprises and units of the asset model, as far as this module needs them. */
    interface Assets {
        boolean enterpriseExists(long enterpriseId);

        /** The enterprise of a unit, empty when the unit does not exist. */
        Optional<Long> unitEnterprise(long unitId);

        /** Enterprise names by id (for exports and statistics). */
        Map<Long, String> enterpriseNames();
    }

    final Db db;
    final FileStore files;
    final Clock clock;
    final Assets assets;
    /** (topic, properties) → Event Admin. */
    final BiConsumer<String, Map<String, Object>> events;
    volatile int leadDays;
    volatile double fuzzyThreshold;

    Context(Db db, FileStore files, Clock clock, Assets assets, BiConsumer<String, Map<String, Object>> events, int leadDays,
            double fuzzyThreshold) {
        this.db = db;
        this.files = files;
        this.clock = clock;
        this.assets = assets;
        this.events = events;
        this.leadDays = leadDays;
        this.fuzzyThreshold = fuzzyThreshold;
    }

    /** Posts an event once the current transaction has committed. */
    void post(String topic, Map<String, Object> properties) {
        Db.afterCommit(() -> events.accept(topic, properties));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    static String user() {
        return CurrentSubject.find().map(s -> s.username()).orElse("system");
    }

    /** Replaces the search bigrams of one record. */
    static void index(Connection c, String kind, long id, String text) throws SQLException {
        Db.update(c, "DELETE FROM report.search_gram WHERE kind = ? AND ref_id = ?", kind, id);
        Set<String> grams = Bigrams.of(text);
        if (!grams.isEmpty()) {
            Db.update(c, "INSERT INTO report.search_gram (kind, ref_id, gram) SELECT ?, ?, unnest(?::text[])", kind, id,
                    grams.toArray(new String[0]));
        }
    }

    /**
     * A search over alias {@code t} (columns {@code id}, {@code search_text}): exact (the normalised
     * query is a substring of the normalised text) or fuzzy (the record shares at least the
     * threshold share of the query's bigrams, found through the gram index). Appends its
     * parameters in SQL order (join first, then where); {@code scoreSql} is null without a query.
     */
    record Search(String join, String scoreSql, String where) {
    }

    Search search(String kind, String q, String match, List<Object> params) {
        if (q == null || q.isBlank()) {
            return new Search("", null, "TRUE");
        }
        String n = Bigrams.normalize(q);
        if (n.isEmpty()) {
            throw ProblemException.invalid(List.of(new FieldError("q", "pattern", "q must contain letters or digits")));
        }
        String m = match == null || match.isBlank() ? "fuzzy" : match;
        if (m.equals("exact")) {
            params.add(n);
            return new Search("", "1.0", "strpos(t.search_text, ?) > 0");
        }
        if (!m.equals("fuzzy")) {
            throw ProblemException.invalid(List.of(new FieldError("match", "enum", "match must be 'exact' or 'fuzzy'")));
        }
        Set<String> grams = Bigrams.of(q);
        params.add(kind);
        params.add(grams.toArray(new String[0]));
        params.add(Bigrams.required(grams.size(), fuzzyThreshold));
        return new Search(" JOIN (SELECT g.ref_id, count(*) AS hits FROM report.search_gram g WHERE g.kind = ? AND g.gram = ANY(?::text[]) "
                + "GROUP BY g.ref_id HAVING count(*) >= ?) m ON m.ref_id = t.id", "round(m.hits::numeric / " + grams.size() + ", 3)", "TRUE");
    }
}
