package org.chempark.risk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chempark.risk.internal.Model.Colour;
import org.chempark.risk.internal.Model.Contribution;
import org.chempark.risk.internal.Model.Score;
import org.chempark.sdk.security.DataScope;

/**
 * Current scores (kept in memory and in {@code risk.score}) and their history: a row in
 * {@code risk.score_history} each time a score or colour changes.
 */
final class ScoreStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Contribution>> CONTRIBUTIONS = new TypeReference<>() {
    };

    /** A score that changed, with the colour it had before (null: first score). */
    record Change(Score score, Colour previous) {
    }

    /** One row of the history. */
    record HistoryEntry(long enterpriseId, Long unitId, double score, Colour colour, Colour previousColour, List<Contribution> contributions,
            Instant computedAt) {
    }

    private final Db db;
    private final Map<String, Score> current = new ConcurrentHashMap<>();

    ScoreStore(Db db) {
        this.db = db;
        db.tx(c -> Db.list(c, "SELECT * FROM risk.score", rs -> {
            Colour colour = Colour.valueOf(rs.getString("colour"));
            return new Score(rs.getLong("enterprise_id"), Db.longOrNull(rs, "unit_id"), rs.getDouble("score"), colour, colour.zh,
                    contributions(rs.getString("explanation")), "", Db.instant(rs, "computed_at"));
        })).forEach(s -> current.put(s.key(), s));
    }

    /**
     * Stores the new scores of one enterprise; hazard sources that no longer have any factor are
     * dropped from the current scores (their history stays).
     */
    synchronized List<Change> save(long enterpriseId, List<Score> scores) {
        List<Change> changes = new ArrayList<>();
        for (Score s : scores) {
            Score before = current.get(s.key());
            if (before == null || before.colour() != s.colour() || Math.abs(before.score() - s.score()) > 0.004
                    || !before.contributions().equals(s.contributions())) {
                changes.add(new Change(s, before == null ? null : before.colour()));
            } else if (!before.summary().equals(s.summary())) {
                // the same score (nothing to store or to tell); the summary is not stored and is empty after a restart
                current.put(s.key(), s);
            }
        }
        List<String> keep = scores.stream().map(Score::key).toList();
        List<String> gone = current.values().stream().filter(s -> s.enterpriseId() == enterpriseId && !keep.contains(s.key()))
                .map(Score::key).toList();
        if (changes.isEmpty() && gone.isEmpty()) {
            return changes;
        }
        db.tx(c -> {
            for (Change ch : changes) {
                Score s = ch.score();
                String json = json(s.contributions());
                Db.update(c, "INSERT INTO risk.score (scope_key, enterprise_id, unit_id, score, colour, explanation, computed_at) VALUES (?,?,?,?,?,?,?) "
                        + "ON CONFLICT (scope_key) DO UPDATE SET score = excluded.score, colour = excluded.colour, "
                        + "explanation = excluded.explanation, computed_at = excluded.computed_at", s.key(), s.enterpriseId(), s.unitId(),
                        s.score(), s.colour(), json, s.computedAt());
                Db.update(c, "INSERT INTO risk.score_history (scope_key, enterprise_id, unit_id, score, colour, previous_colour, explanation, "
                        + "computed_at) VALUES (?,?,?,?,?,?,?,?)", s.key(), s.enterpriseId(), s.unitId(), s.score(), s.colour(),
                        ch.previous() == null ? null : ch.previous().name(), json, s.computedAt());
            }
            for (String key : gone) {
                Db.update(c, "DELETE FROM risk.score WHERE scope_key = ?", key);
            }
            return null;
        });
        changes.forEach(ch -> current.put(ch.score().key(), ch.score()));
        gone.forEach(current::remove);
        return changes;
    }

    /** Current scores visible to the caller, worst first. */
    List<Score> current(boolean units, Long enterpriseId, Colour colour) {
        DataScope scope = DataScope.current();
        return current.values().stream().filter(s -> scope.allows(s.enterpriseId()))
                .filter(s -> units == (s.unitId() != null))
                .filter(s -> enterpriseId == null || s.enterpriseId() == enterpriseId)
                .filter(s -> colour == null || s.colour() == colour)
                .sorted((a, b) -> Double.compare(b.score(), a.score())).toList();
    }

    Optional<Score> enterprise(long enterpriseId) {
        return Optional.ofNullable(current.get("E:" + enterpriseId));
    }

    Optional<Score> unit(long unitId) {
        return Optional.ofNullable(current.get("U:" + unitId));
    }

    List<HistoryEntry> history(Long enterpriseId, Long unitId, Instant from, Instant to, int limit) {
        StringBuilder where = new StringBuilder(DataScope.current().sqlPredicate("enterprise_id"));
        List<Object> p = new ArrayList<>();
        if (unitId != null) {
            where.append(" AND scope_key = ?");
            p.add("U:" + unitId);
        } else if (enterpriseId != null) {
            where.append(" AND scope_key = ?");
            p.add("E:" + enterpriseId);
        }
        if (from != null) {
            where.append(" AND computed_at >= ?");
            p.add(from);
        }
        if (to != null) {
            where.append(" AND computed_at < ?");
            p.add(to);
        }
        p.add(limit);
        return db.tx(c -> Db.list(c, "SELECT * FROM risk.score_history WHERE " + where + " ORDER BY computed_at DESC, id DESC LIMIT ?",
                ScoreStore::entry, p.toArray()));
    }

    private static HistoryEntry entry(ResultSet rs) throws SQLException {
        String prev = rs.getString("previous_colour");
        return new HistoryEntry(rs.getLong("enterprise_id"), Db.longOrNull(rs, "unit_id"), rs.getDouble("score"),
                Colour.valueOf(rs.getString("colour")), prev == null ? null : Colour.valueOf(prev), contributions(rs.getString("explanation")),
                Db.instant(rs, "computed_at"));
    }

    /** Colour changes per day and colour in [from, to) (what the statistics chart shows). */
    List<Map<String, Object>> changesPerDay(Instant from, Instant to) {
        return db.tx(c -> Db.list(c, "SELECT (computed_at AT TIME ZONE 'Asia/Shanghai')::date AS day, colour, count(*) FROM risk.score_history "
                + "WHERE " + DataScope.current().sqlPredicate("enterprise_id") + " AND unit_id IS NULL AND computed_at >= ? AND computed_at < ? "
                + "AND (previous_colour IS NULL OR previous_colour <> colour) GROUP BY 1, 2 ORDER BY 1, 2",
                rs -> Map.<String, Object>of("day", rs.getObject(1, java.time.LocalDate.class).toString(), "colour", rs.getString(2),
                        "changes", rs.getLong(3)), from, to));
    }

    static String json(List<Contribution> cs) {
        try {
            return JSON.writeValueAsString(cs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Contribution> contributions(String json) {
        try {
            return JSON.readValue(json, CONTRIBUTIONS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
