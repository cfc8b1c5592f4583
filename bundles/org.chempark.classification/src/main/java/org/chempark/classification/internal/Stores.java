package org.chempark.classification.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongPredicate;

import org.chempark.classification.internal.Model.Commitment;
import org.chempark.classification.internal.Model.CommitmentInput;
import org.chempark.classification.internal.Model.DiagnosisInput;
import org.chempark.classification.internal.Model.DiagnosisRecord;
import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Validation;
import org.chempark.sdk.security.CurrentSubject;
import org.chempark.sdk.security.DataScope;

/** Commitments (安全承诺公告), diagnoses and rules in the classification schema. */
final class Stores {
    final Db db;
    final Clock clock;
    final ZoneId zone;
    final Diagnosis diagnosis;
    final LongPredicate enterpriseExists;
    volatile LocalTime deadline;
    volatile int windowDays;

    Stores(Db db, Clock clock, ZoneId zone, LocalTime deadline, int windowDays, LongPredicate enterpriseExists) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
        this.deadline = deadline;
        this.windowDays = windowDays;
        this.enterpriseExists = enterpriseExists;
        this.diagnosis = Diagnosis.load();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    static String user() {
        return CurrentSubject.find().map(s -> s.username()).orElse("system");
    }

    // ---- 安全承诺公告

    Commitment file(CommitmentInput in) {
        if (in == null) {
            throw ProblemException.badRequest("A JSON body is required");
        }
        Validation v = new Validation();
        v.required("enterpriseId", in.enterpriseId()).required("day", in.day()).required("operatingState", in.operatingState())
                .required("unitsRunning", in.unitsRunning()).required("unitsStopped", in.unitsStopped())
                .required("majorHazardSources", in.majorHazardSources()).required("hazardSourcesControlled", in.hazardSourcesControlled())
                .required("principal", in.principal()).required("signed", in.signed()).required("statement", in.statement())
                .min("unitsRunning", in.unitsRunning(), 0).min("unitsStopped", in.unitsStopped(), 0)
                .min("majorHazardSources", in.majorHazardSources(), 0).maxLength("principal", in.principal(), 50)
                .maxLength("statement", in.statement(), 2000);
        if (in.operatingState() != null && !Model.OPERATING_STATES.containsKey(in.operatingState())) {
            v.add("operatingState", "enum", "operatingState must be one of " + new java.util.TreeSet<>(Model.OPERATING_STATES.keySet()));
        }
        if (in.day() != null && in.day().isAfter(today())) {
            v.add("day", "future", "a commitment cannot be filed for a future day");
        }
        Map<String, Integer> work = in.specialWork() == null ? Map.of() : in.specialWork();
        work.forEach((k, n) -> {
            if (!Model.SPECIAL_WORK.containsKey(k)) {
                v.add("specialWork." + k, "enum", "special work types are " + new java.util.TreeSet<>(Model.SPECIAL_WORK.keySet()) + " (GB 30871-2022)");
            } else if (n == null || n < 0) {
                v.add("specialWork." + k, "min", "specialWork." + k + " must be 0 or more");
            }
        });
        if (in.enterpriseId() != null && !enterpriseExists.test(in.enterpriseId())) {
            v.add("enterpriseId", "exists", "enterprise " + in.enterpriseId() + " does not exist");
        }
        v.throwIfInvalid();
        DataScope.requireEnterprise(in.enterpriseId());
        Instant now = clock.instant();
        boolean late = now.isAfter(in.day().atTime(deadline).atZone(zone).toInstant());
        int total = work.values().stream().mapToInt(Integer::intValue).sum();
        return db.tx(c -> {
            if (Db.count(c, "SELECT count(*) FROM classification.commitment WHERE enterprise_id=? AND day=?", in.enterpriseId(), in.day()) > 0) {
                throw ProblemException.conflict("Enterprise " + in.enterpriseId() + " already filed its commitment for " + in.day(),
                        new FieldError("day", "unique", "one commitment per enterprise and day"));
            }
            long id = Db.insert(c, "INSERT INTO classification.commitment (enterprise_id, day, operating_state, units_running, units_stopped, "
                    + "major_hazard_sources, hazard_sources_controlled, special_work, special_work_total, principal, signed, statement, filed_at, late, "
                    + "filed_by) VALUES (?,?,?,?,?,?,?,?::jsonb,?,?,?,?,?,?,?)", in.enterpriseId(), in.day(), in.operatingState(), in.unitsRunning(),
                    in.unitsStopped(), in.majorHazardSources(), in.hazardSourcesControlled(), json(work), total, in.principal().trim(), in.signed(),
                    in.statement().trim(), now, late, user());
            return commitment(c, id);
        });
    }

    Page<Commitment> commitments(PageQuery page, Long enterpriseId, LocalDate from, LocalDate to, Boolean late) {
        List<Object> p = new ArrayList<>();
        StringBuilder w = new StringBuilder(" WHERE ").append(DataScope.current().sqlPredicate("enterprise_id"));
        if (enterpriseId != null) {
            w.append(" AND enterprise_id = ?");
            p.add(enterpriseId);
        }
        w.append(range("day", from, to, p));
        if (late != null) {
            w.append(" AND late = ?");
            p.add(late);
        }
        return db.tx(c -> {
            long total = Db.count(c, "SELECT count(*) FROM classification.commitment" + w, p.toArray());
            List<Object> pp = new ArrayList<>(p);
            pp.add(page.size());
            pp.add(page.offset());
            return new Page<>(Db.list(c, "SELECT * FROM classification.commitment" + w + " ORDER BY day DESC, enterprise_id LIMIT ? OFFSET ?",
                    Stores::mapCommitment, pp.toArray()), total, page.page(), page.size());
        });
    }

    Commitment commitment(long id) {
        return db.tx(c -> commitment(c, id));
    }

    private static Commitment commitment(Connection c, long id) throws SQLException {
        Commitment x = Db.one(c, "SELECT * FROM classification.commitment WHERE id = ?", Stores::mapCommitment, id);
        if (x == null || !DataScope.current().allows(x.enterpriseId())) {
            throw ProblemException.notFound("commitment", id);
        }
        return x;
    }

    /** Which enterprises filed for {@code day}, late or not, and which did not (only those in the caller's scope). */
    Map<String, Object> day(LocalDate day, List<Long> enterpriseIds) {
        DataScope scope = DataScope.current();
        Map<Long, Commitment> filed = new LinkedHashMap<>();
        db.tx(c -> {
            for (Commitment x : Db.list(c, "SELECT * FROM classification.commitment WHERE day = ?", Stores::mapCommitment, day)) {
                filed.put(x.enterpriseId(), x);
            }
            return null;
        });
        List<Long> missing = new ArrayList<>();
        List<Long> late = new ArrayList<>();
        List<Long> onTime = new ArrayList<>();
        for (long e : enterpriseIds) {
            if (!scope.allows(e)) {
                continue;
            }
            Commitment x = filed.get(e);
            (x == null ? missing : x.late() ? late : onTime).add(e);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", day);
        m.put("deadline", deadline.toString());
        m.put("onTime", onTime);
        m.put("late", late);
        m.put("missing", missing);
        return m;
    }

    /** Days in the window (up to today, from the tracking start) without a signed filing, and late filings. */
    record CommitmentFacts(int missed, int late, boolean latestUncontrolled, List<LocalDate> missedDays, int days) {
    }

    CommitmentFacts facts(long enterpriseId) {
        LocalDate today = today();
        boolean todayDue = clock.instant().isAfter(today.atTime(deadline).atZone(zone).toInstant());
        LocalDate to = todayDue ? today : today.minusDays(1);
        LocalDate from = today.minusDays(windowDays - 1L);
        return db.tx(c -> {
            LocalDate started = Db.one(c, "SELECT min(started_on) FROM classification.tracking", rs -> rs.getObject(1, LocalDate.class));
            LocalDate f = started != null && started.isAfter(from) ? started : from;
            Map<LocalDate, Commitment> byDay = new TreeMap<>();
            for (Commitment x : Db.list(c, "SELECT * FROM classification.commitment WHERE enterprise_id = ? AND day BETWEEN ? AND ?",
                    Stores::mapCommitment, enterpriseId, f, today)) {
                byDay.put(x.day(), x);
            }
            List<LocalDate> missed = new ArrayList<>();
            int days = 0;
            for (LocalDate d = f; !d.isAfter(to); d = d.plusDays(1)) {
                days++;
                Commitment x = byDay.get(d);
                if (x == null || !x.signed()) {
                    missed.add(d);
                }
            }
            int late = (int) byDay.values().stream().filter(Commitment::late).count();
            Commitment latest = byDay.isEmpty() ? null : ((TreeMap<LocalDate, Commitment>) byDay).lastEntry().getValue();
            return new CommitmentFacts(missed.size(), late, latest != null && !latest.hazardSourcesControlled(), missed, days);
        });
    }

    Map<String, Object> commitmentStatistics(LocalDate from, LocalDate to) {
        List<Object> p = new ArrayList<>();
        String base = " FROM classification.commitment WHERE " + DataScope.current().sqlPredicate("enterprise_id") + range("day", from, to, p);
        return db.tx(c -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("filings", Db.count(c, "SELECT count(*)" + base, p.toArray()));
            s.put("late", Db.count(c, "SELECT count(*)" + base + " AND late", p.toArray()));
            s.put("unsigned", Db.count(c, "SELECT count(*)" + base + " AND NOT signed", p.toArray()));
            s.put("byEnterprise", group(c, "SELECT enterprise_id::text, count(*)" + base + " GROUP BY 1", p));
            s.put("byOperatingState", group(c, "SELECT operating_state, count(*)" + base + " GROUP BY 1", p));
            s.put("specialWorkByDay", group(c, "SELECT day::text, sum(special_work_total)" + base + " GROUP BY 1", p));
            return s;
        });
    }

    // ---- 100-point diagnosis

    DiagnosisRecord diagnose(DiagnosisInput in) {
        if (in == null) {
            throw ProblemException.badRequest("A JSON body is required");
        }
        Validation v = new Validation();
        v.required("enterpriseId", in.enterpriseId()).required("assessedOn", in.assessedOn()).required("assessor", in.assessor())
                .maxLength("assessor", in.assessor(), 200);
        if (in.assessedOn() != null && in.assessedOn().isAfter(today())) {
            v.add("assessedOn", "past", "assessedOn must not be in the future");
        }
        if (in.enterpriseId() != null && !enterpriseExists.test(in.enterpriseId())) {
            v.add("enterpriseId", "exists", "enterprise " + in.enterpriseId() + " does not exist");
        }
        v.throwIfInvalid();
        Diagnosis.Result r = diagnosis.score(in.deductions(), in.bonuses(), in.directRed());
        List<String> reds = in.directRed() == null ? List.of() : in.directRed().stream().distinct().toList();
        return db.tx(c -> {
            long id = Db.insert(c, "INSERT INTO classification.diagnosis (enterprise_id, assessed_on, assessor, direct_red, score, level, "
                    + "explanation, created_by, deducted, added) VALUES (?,?,?,?,?,?,?,?,?,?)", in.enterpriseId(), in.assessedOn(), in.assessor().trim(),
                    reds.toArray(new String[0]), r.score(), r.level(), String.join("\n", r.explanation()), user(), r.deducted(), r.added());
            for (Diagnosis.Finding d : r.deductions()) {
                insertFinding(c, id, Diagnosis.DEDUCT, d);
            }
            for (Diagnosis.Finding b : r.bonuses()) {
                insertFinding(c, id, Diagnosis.BONUS, b);
            }
            return diagnosisRecord(c, id);
        });
    }

    private static void insertFinding(Connection c, long diagnosisId, String kind, Diagnosis.Finding f) throws SQLException {
        Db.update(c, "INSERT INTO classification.diagnosis_deduction (diagnosis_id, item_id, kind, count, points, note) VALUES (?,?,?,?,?,?)",
                diagnosisId, f.itemId(), kind, f.count(), java.math.BigDecimal.valueOf(f.points()), f.note());
    }

    Page<DiagnosisRecord> diagnoses(PageQuery page, Long enterpriseId) {
        List<Object> p = new ArrayList<>();
        String w = " WHERE " + DataScope.current().sqlPredicate("enterprise_id") + (enterpriseId == null ? "" : " AND enterprise_id = ?");
        if (enterpriseId != null) {
            p.add(enterpriseId);
        }
        return db.tx(c -> {
            long total = Db.count(c, "SELECT count(*) FROM classification.diagnosis" + w, p.toArray());
            List<Object> pp = new ArrayList<>(p);
            pp.add(page.size());
            pp.add(page.offset());
            return new Page<>(Db.list(c, "SELECT * FROM classification.diagnosis" + w + " ORDER BY assessed_on DESC, id DESC LIMIT ? OFFSET ?",
                    rs -> mapDiagnosis(c, rs), pp.toArray()), total, page.page(), page.size());
        });
    }

    DiagnosisRecord diagnosisRecord(long id) {
        return db.tx(c -> diagnosisRecord(c, id));
    }

    private static DiagnosisRecord diagnosisRecord(Connection c, long id) throws SQLException {
        DiagnosisRecord d = Db.one(c, "SELECT * FROM classification.diagnosis WHERE id = ?", rs -> mapDiagnosis(c, rs), id);
        if (d == null || !DataScope.current().allows(d.enterpriseId())) {
            throw ProblemException.notFound("diagnosis", id);
        }
        return d;
    }

    /** The latest diagnosis of every enterprise (no scoping: used by the classifier). */
    Map<Long, DiagnosisRecord> latestDiagnoses() {
        Map<Long, DiagnosisRecord> m = new LinkedHashMap<>();
        db.tx(c -> {
            for (DiagnosisRecord d : Db.list(c, "SELECT DISTINCT ON (enterprise_id) * FROM classification.diagnosis "
                    + "ORDER BY enterprise_id, assessed_on DESC, id DESC", rs -> mapDiagnosis(c, rs))) {
                m.put(d.enterpriseId(), d);
            }
            return null;
        });
        return m;
    }

    // ---- rules

    List<Rules.Rule> rules() {
        return db.tx(c -> Db.list(c, "SELECT * FROM classification.rule ORDER BY class DESC, id", Stores::mapRule));
    }

    Rules.Rule saveRule(String id, Rules.Rule in) {
        if (in == null) {
            throw ProblemException.badRequest("A JSON body is required");
        }
        Validation v = new Validation();
        v.pattern("id", id, java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,62}"), "must be lower case letters, digits and '-'");
        v.required("clazz", in.clazz()).required("factor", in.factor()).required("operator", in.operator()).required("nameZh", in.nameZh())
                .required("citation", in.citation()).maxLength("nameZh", in.nameZh(), 200).maxLength("citation", in.citation(), 500);
        if (in.clazz() != null && !Set.of(Rules.SPECIAL_CONTROL, Rules.KEY_ATTENTION).contains(in.clazz())) {
            v.add("clazz", "enum", "clazz must be SPECIAL_CONTROL (特别管控) or KEY_ATTENTION (重点关注); 一般监管 is what remains");
        }
        if (in.operator() != null && !Set.of(">=", ">", "==", "<=", "<").contains(in.operator())) {
            v.add("operator", "enum", "operator must be one of >=, >, ==, <=, <");
        }
        String agg = in.aggregate() == null ? "SUM" : in.aggregate();
        if (!Set.of("SUM", "MAX").contains(agg)) {
            v.add("aggregate", "enum", "aggregate must be SUM or MAX");
        }
        if (in.factor() != null && !in.factor().matches("[a-z*][a-z0-9.*-]*")) {
            v.add("factor", "pattern", "factor is a factor type id such as report.open-hidden-dangers, optionally with * wildcards");
        }
        v.required("threshold", in.threshold());
        if (in.threshold() != null && !Double.isFinite(in.threshold())) {
            v.add("threshold", "finite", "threshold must be a number");
        }
        v.throwIfInvalid();
        return db.tx(c -> {
            Rules.Rule existing = Db.one(c, "SELECT * FROM classification.rule WHERE id = ? FOR UPDATE", Stores::mapRule, id);
            if (existing == null) {
                Db.update(c, "INSERT INTO classification.rule (id, class, factor, aggregate, operator, threshold, name_zh, citation, enabled) "
                        + "VALUES (?,?,?,?,?,?,?,?,?)", id, in.clazz(), in.factor(), agg, in.operator(), in.threshold(), in.nameZh(), in.citation(),
                        !Boolean.FALSE.equals(in.enabled()));
            } else {
                if (in.version() == null || !existing.version().equals(in.version())) {
                    throw ProblemException.conflict("Rule " + id + " was changed meanwhile (current version " + existing.version() + "); reload it",
                            new FieldError("version", "stale", "current version is " + existing.version()));
                }
                Db.update(c, "UPDATE classification.rule SET class=?, factor=?, aggregate=?, operator=?, threshold=?, name_zh=?, citation=?, "
                        + "enabled=?, version=version+1 WHERE id=?", in.clazz(), in.factor(), agg, in.operator(), in.threshold(), in.nameZh(),
                        in.citation(), !Boolean.FALSE.equals(in.enabled()), id);
            }
            return Db.one(c, "SELECT * FROM classification.rule WHERE id = ?", Stores::mapRule, id);
        });
    }

    void deleteRule(String id) {
        db.tx(c -> {
            if (Db.update(c, "DELETE FROM classification.rule WHERE id = ?", id) == 0) {
                throw ProblemException.notFound("rule", id);
            }
            return null;
        });
    }

    /** Appends a classification result when it differs from the last stored one. */
    boolean record(long enterpriseId, String clazz, String firedJson) {
        return db.tx(c -> {
            String last = Db.one(c, "SELECT class || '|' || fired::text FROM classification.result WHERE enterprise_id = ? "
                    + "ORDER BY computed_at DESC, id DESC LIMIT 1", rs -> rs.getString(1), enterpriseId);
            String now = Db.one(c, "SELECT ? || '|' || ?::jsonb::text", rs -> rs.getString(1), clazz, firedJson);
            if (now.equals(last)) {
                return false;
            }
            Db.update(c, "INSERT INTO classification.result (enterprise_id, class, fired) VALUES (?,?,?::jsonb)", enterpriseId, clazz, firedJson);
            return true;
        });
    }

    List<Map<String, Object>> history(long enterpriseId) {
        return db.tx(c -> Db.list(c, "SELECT class, fired::text, computed_at FROM classification.result WHERE enterprise_id = ? "
                + "ORDER BY computed_at DESC, id DESC LIMIT 200", rs -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("clazz", rs.getString(1));
                    m.put("classZh", Rules.classZh(rs.getString(1)));
                    m.put("fired", rs.getString(2));
                    m.put("computedAt", rs.getTimestamp(3).toInstant());
                    return m;
                }, enterpriseId));
    }

    // ---- mapping

    private static Commitment mapCommitment(ResultSet rs) throws SQLException {
        String state = rs.getString("operating_state");
        return new Commitment(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getObject("day", LocalDate.class), state,
                Model.OPERATING_STATES.get(state), rs.getInt("units_running"), rs.getInt("units_stopped"), rs.getInt("major_hazard_sources"),
                rs.getBoolean("hazard_sources_controlled"), parseWork(rs.getString("special_work")), rs.getInt("special_work_total"),
                rs.getString("principal"), rs.getBoolean("signed"), rs.getString("statement"), rs.getTimestamp("filed_at").toInstant(),
                rs.getBoolean("late"), rs.getString("filed_by"));
    }

    private static DiagnosisRecord mapDiagnosis(Connection c, ResultSet rs) throws SQLException {
        String level = rs.getString("level");
        long id = rs.getLong("id");
        return new DiagnosisRecord(id, rs.getLong("enterprise_id"), rs.getObject("assessed_on", LocalDate.class), rs.getString("assessor"),
                findings(c, id, Diagnosis.DEDUCT), List.of((String[]) rs.getArray("direct_red").getArray()), rs.getDouble("score"), level,
                Diagnosis.levelZh(level), List.of(rs.getString("explanation").split("\n")), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), findings(c, id, Diagnosis.BONUS), rs.getObject("deducted") == null ? null : rs.getDouble("deducted"),
                rs.getObject("added") == null ? null : rs.getDouble("added"));
    }

    private static List<Diagnosis.Finding> findings(Connection c, long diagnosisId, String kind) throws SQLException {
        return Db.list(c, "SELECT item_id, count, points, note FROM classification.diagnosis_deduction WHERE diagnosis_id = ? AND kind = ? "
                + "ORDER BY item_id", d -> new Diagnosis.Finding(d.getString(1),
                        d.getObject(2) == null ? null : d.getInt(2), d.getDouble(3), d.getString(4)), diagnosisId, kind);
    }

    private static Rules.Rule mapRule(ResultSet rs) throws SQLException {
        return new Rules.Rule(rs.getString("id"), rs.getString("class"), rs.getString("factor"), rs.getString("aggregate"), rs.getString("operator"),
                rs.getDouble("threshold"), rs.getString("name_zh"), rs.getString("citation"), rs.getBoolean("enabled"), rs.getInt("version"));
    }

    /** {"hot-work":2,...}: keys are fixed identifiers, values integers, so a hand-written writer/reader is enough. */
    static String json(Map<String, Integer> work) {
        StringBuilder sb = new StringBuilder("{");
        new TreeMap<>(work).forEach((k, n) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":").append(n));
        return sb.append('}').toString();
    }

    static Map<String, Integer> parseWork(String json) {
        Map<String, Integer> m = new TreeMap<>();
        String body = json.trim().replaceAll("^\\{|\\}$", "").trim();
        if (body.isEmpty()) {
            return m;
        }
        for (String part : body.split(",")) {
            String[] kv = part.split(":");
            m.put(kv[0].trim().replace("\"", ""), Integer.parseInt(kv[1].trim()));
        }
        return m;
    }

    static String range(String column, LocalDate from, LocalDate to, List<Object> params) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid(List.of(new FieldError("to", "order", "to must not be before from")));
        }
        StringBuilder sb = new StringBuilder();
        if (from != null) {
            sb.append(" AND ").append(column).append(" >= ?");
            params.add(from);
        }
        if (to != null) {
            sb.append(" AND ").append(column).append(" <= ?");
            params.add(to);
        }
        return sb.toString();
    }

    static Map<String, Long> group(Connection c, String sql, List<Object> params) throws SQLException {
        Map<String, Long> m = new TreeMap<>();
        for (Object[] row : Db.list(c, sql, rs -> new Object[] { rs.getString(1), rs.getLong(2) }, params.toArray())) {
            m.put(String.valueOf(row[0]), (Long) row[1]);
        }
        return m;
    }
}
