package org.chempark.report.internal;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chempark.report.internal.Model.FeedbackInput;
import org.chempark.report.internal.Model.FileInfo;
import org.chempark.report.internal.Model.HiddenDanger;
import org.chempark.report.internal.Model.HiddenDangerInput;
import org.chempark.report.internal.Model.HistoryEntry;
import org.chempark.report.internal.Model.Inspection;
import org.chempark.report.internal.Model.InspectionInput;
import org.chempark.report.internal.Model.RectificationInput;
import org.chempark.report.internal.Model.VerificationInput;
import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Validation;
import org.chempark.sdk.security.DataScope;

/**
 * Special inspections (专项督导检查) and the hidden dangers they find, through 三录入 — (1) the
 * problem, (2) the rectification (measures, responsible person, deadline), (3) the acceptance —
 * with the enterprise's 整改反馈 (feedback and evidence) between (2) and (3):
 *
 * <pre>
 * RECORDED --rectification--> RECTIFYING --feedback (≥1 evidence)--> SUBMITTED --verification ok--> CLOSED
 *                              ^  (plan may be revised)                  |
 *                              +----------- verification rejected -------+
 * </pre>
 *
 * Any other step is 409 naming the allowed ones; every step carries the version it saw (stale → 409).
 */
final class HiddenDangerStore {
    static final Set<String> SORTABLE = Set.of("id", "foundOn", "deadline", "grade", "status", "enterpriseId");
    private static final Map<String, String> SORT_COLUMNS = Map.of("id", "t.id", "foundOn", "t.found_on", "deadline", "t.deadline", "grade",
            "t.grade", "status", "t.status", "enterpriseId", "t.enterprise_id");
    static final Map<String, List<String>> ACTIONS = Map.of(
            "RECORDED", List.of("rectification"),
            "RECTIFYING", List.of("rectification", "evidence", "feedback"),
            "SUBMITTED", List.of("verification"),
            "CLOSED", List.of());

    private final Context ctx;
    private final Set<Long> knownOverdue = new HashSet<>();

    HiddenDangerStore(Context ctx) {
        this.ctx = ctx;
    }

    // ---- inspections

    Inspection createInspection(InspectionInput in) {
        if (in == null) {
            throw ProblemException.badRequest("A JSON body is required");
        }
        Validation v = new Validation();
        v.required("enterpriseId", in.enterpriseId()).required("title", in.title()).required("inspectedOn", in.inspectedOn())
                .required("inspectors", in.inspectors()).maxLength("title", in.title(), 300).maxLength("inspectors", in.inspectors(), 500)
                .maxLength("notes", in.notes(), 20_000);
        if (in.inspectedOn() != null && in.inspectedOn().isAfter(ctx.today())) {
            v.add("inspectedOn", "past", "inspectedOn must not be in the future");
        }
        if (in.enterpriseId() != null && !ctx.assets.enterpriseExists(in.enterpriseId())) {
            v.add("enterpriseId", "exists", "enterprise " + in.enterpriseId() + " does not exist");
        }
        v.throwIfInvalid();
        DataScope.requireEnterprise(in.enterpriseId());
        return ctx.db.tx(c -> {
            long id = Db.insert(c, "INSERT INTO report.inspection (enterprise_id, title, inspected_on, inspectors, notes, created_by) "
                    + "VALUES (?,?,?,?,?,?)", in.enterpriseId(), in.title().trim(), in.inspectedOn(), in.inspectors().trim(), in.notes(),
                    Context.user());
            return inspection(c, id);
        });
    }

    Inspection inspection(long id) {
        return ctx.db.tx(c -> inspection(c, id));
    }

    Page<Inspection> inspections(PageQuery page, Long enterpriseId) {
        List<Object> p = new ArrayList<>();
        String where = " WHERE " + DataScope.current().sqlPredicate("i.enterprise_id");
        if (enterpriseId != null) {
            where += " AND i.enterprise_id = ?";
            p.add(enterpriseId);
        }
        String w = where;
        return ctx.db.tx(c -> {
            long total = Db.count(c, "SELECT count(*) FROM report.inspection i" + w, p.toArray());
            List<Object> pp = new ArrayList<>(p);
            pp.add(page.size());
            pp.add(page.offset());
            return new Page<>(Db.list(c, INSPECTION_SQL + w + " ORDER BY i.inspected_on DESC, i.id DESC LIMIT ? OFFSET ?",
                    HiddenDangerStore::mapInspection, pp.toArray()), total, page.page(), page.size());
        });
    }

    private static final String INSPECTION_SQL = "SELECT i.*, (SELECT count(*) FROM report.hidden_danger h WHERE h.inspection_id = i.id) AS n, "
            + "(SELECT count(*) FROM report.hidden_danger h WHERE h.inspection_id = i.id AND h.status <> 'CLOSED') AS open FROM report.inspection i";

    private static Inspection inspection(Connection c, long id) throws SQLException {
        Inspection i = Db.one(c, INSPECTION_SQL + " WHERE i.id = ?", HiddenDangerStore::mapInspection, id);
        if (i == null || !DataScope.current().allows(i.enterpriseId())) {
            throw ProblemException.notFound("inspection", id);
        }
        return i;
    }

    private static Inspection mapInspection(ResultSet rs) throws SQLException {
        return new Inspection(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("title"), rs.getObject("inspected_on", LocalDate.class),
                rs.getString("inspectors"), rs.getString("notes"), rs.getLong("n"), rs.getLong("open"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }

    // ---- 三录入 (1): the problem

    HiddenDanger record(long inspectionId, HiddenDangerInput in) {
        if (in == null) {
            throw ProblemException.badRequest("A JSON body is required");
        }
        Inspection insp = inspection(inspectionId);
        Validation v = new Validation();
        v.required("grade", in.grade()).required("description", in.description()).maxLength("description", in.description(), 5000)
                .maxLength("location", in.location(), 500).maxLength("basis", in.basis(), 2000);
        if (in.grade() != null && !Set.of("GENERAL", "MAJOR").contains(in.grade())) {
            v.add("grade", "enum", "grade must be GENERAL (一般隐患) or MAJOR (重大隐患)");
        }
        LocalDate found = in.foundOn() == null ? insp.inspectedOn() : in.foundOn();
        if (found.isAfter(ctx.today())) {
            v.add("foundOn", "past", "foundOn must not be in the future");
        }
        if (in.unitId() != null) {
            var owner = ctx.assets.unitEnterprise(in.unitId());
            if (owner.isEmpty()) {
                v.add("unitId", "exists", "unit " + in.unitId() + " does not exist");
            } else if (owner.get() != insp.enterpriseId()) {
                v.add("unitId", "owner", "unit " + in.unitId() + " belongs to another enterprise than the inspection");
            }
        }
        v.throwIfInvalid();
        return ctx.db.tx(c -> {
            String text = String.join(" ", in.description(), nz(in.location()), nz(in.basis()), insp.title());
            long id = Db.insert(c, "INSERT INTO report.hidden_danger (inspection_id, enterprise_id, unit_id, grade, description, location, basis, "
                    + "status, found_on, search_text, created_by) VALUES (?,?,?,?,?,?,?,'RECORDED',?,?,?)", inspectionId, insp.enterpriseId(),
                    in.unitId(), in.grade(), in.description().trim(), in.location(), in.basis(), found, Bigrams.normalize(text), Context.user());
            Context.index(c, "HIDDEN_DANGER", id, text);
            history(c, id, "record", null, "RECORDED", Model.gradeZh(in.grade()));
            changed(insp.enterpriseId(), id, "CREATED");
            return get(c, id);
        });
    }

    // ---- 三录入 (2): the rectification plan

    HiddenDanger rectification(long id, RectificationInput in) {
        if (in == null) {
            throw ProblemException.badRequest("A JSON body is required");
        }
        Validation v = new Validation();
        v.required("measures", in.measures()).required("responsiblePerson", in.responsiblePerson()).required("deadline", in.deadline())
                .required("version", in.version()).maxLength("measures", in.measures(), 5000).maxLength("responsiblePerson", in.responsiblePerson(), 100);
        v.throwIfInvalid();
        return step(id, in.version(), "rectification", (c, h) -> {
            if (in.deadline().isBefore(h.foundOn())) {
                throw ProblemException.invalid(List.of(new FieldError("deadline", "order", "deadline must not be before the day it was found ("
                        + h.foundOn() + ")")));
            }
            Db.update(c, "UPDATE report.hidden_danger SET measures=?, responsible_person=?, deadline=?, status='RECTIFYING', version=version+1 "
                    + "WHERE id=?", in.measures().trim(), in.responsiblePerson().trim(), in.deadline(), id);
            return new String[] { "RECTIFYING", in.responsiblePerson().trim() + " / " + in.deadline() };
        });
    }

    // ---- 整改反馈: evidence and feedback

    FileInfo evidence(long id, String filename, String contentType, InputStream body) {
        String type = ctx.files.checkType(contentType);
        ReportStore.checkFilename(filename);
        HiddenDanger h = get(id);
        if (!ACTIONS.get(h.status()).contains("evidence")) {
            throw illegal(h, "evidence");
        }
        FileStore.Stored stored = ctx.files.write(body, type);
        try {
            return ctx.db.tx(c -> {
                HiddenDanger now = visible(c, id);
                if (!ACTIONS.get(now.status()).contains("evidence")) {
                    throw illegal(now, "evidence");
                }
                long fid = Db.insert(c, "INSERT INTO report.stored_file (owner_kind, owner_id, enterprise_id, filename, content_type, size_bytes, "
                        + "sha256, storage_key, uploaded_by) VALUES ('EVIDENCE',?,?,?,?,?,?,?,?)", id, now.enterpriseId(), filename.trim(), type,
                        stored.size(), stored.sha256(), stored.key(), Context.user());
                Db.update(c, "UPDATE report.hidden_danger SET version=version+1 WHERE id=?", id);
                history(c, id, "evidence", now.status(), now.status(), filename.trim() + " sha256=" + stored.sha256());
                return ReportStore.file(c, fid);
            });
        } catch (RuntimeException e) {
            ctx.files.delete(stored.key());
            throw e;
        }
    }

    HiddenDanger feedback(long id, FeedbackInput in) {
        if (in == null) {
            throw ProblemException.badRequest("A JSON body is required");
        }
        Validation v = new Validation();
        v.required("feedback", in.feedback()).required("version", in.version()).maxLength("feedback", in.feedback(), 10_000);
        v.throwIfInvalid();
        return step(id, in.version(), "feedback", (c, h) -> {
            if (h.evidence().isEmpty()) {
                throw ProblemException.invalid(List.of(new FieldError("evidence", "required",
                        "upload at least one evidence file (POST .../hidden-dangers/" + id + "/evidence) before the feedback")));
            }
            Db.update(c, "UPDATE report.hidden_danger SET feedback=?, feedback_at=now(), status='SUBMITTED', version=version+1 WHERE id=?",
                    in.feedback().trim(), id);
            return new String[] { "SUBMITTED", in.feedback().trim() };
        });
    }

    // ---- 三录入 (3): acceptance

    HiddenDanger verification(long id, VerificationInput in) {
        if (in == null) {
            throw ProblemException.badRequest("A JSON body is required");
        }
        Validation v = new Validation();
        v.required("accepted", in.accepted()).required("version", in.version()).maxLength("note", in.note(), 5000);
        if (Boolean.FALSE.equals(in.accepted()) && (in.note() == null || in.note().isBlank())) {
            v.add("note", "required", "say why the rectification is not accepted (note)");
        }
        v.throwIfInvalid();
        return step(id, in.version(), "verification", (c, h) -> {
            if (in.accepted()) {
                Db.update(c, "UPDATE report.hidden_danger SET verified_by=?, verification_note=?, closed_at=now(), status='CLOSED', "
                        + "version=version+1 WHERE id=?", Context.user(), in.note(), id);
                return new String[] { "CLOSED", in.note() };
            }
            Db.update(c, "UPDATE report.hidden_danger SET verified_by=?, verification_note=?, status='RECTIFYING', version=version+1 WHERE id=?",
                    Context.user(), in.note(), id);
            return new String[] { "RECTIFYING", "rejected: " + in.note() };
        });
    }

    interface Step {
        /** Applies the change; returns {new status, history note}. */
        String[] apply(Connection c, HiddenDanger current) throws SQLException;
    }

    private HiddenDanger step(long id, int version, String action, Step step) {
        return ctx.db.tx(c -> {
            Db.one(c, "SELECT id FROM report.hidden_danger WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), id);
            HiddenDanger h = visible(c, id);
            if (!h.allowedActions().contains(action)) {
                throw illegal(h, action);
            }
            if (h.version() != version) {
                throw ReportStore.stale(h.version());
            }
            String[] r = step.apply(c, h);
            history(c, id, action, h.status(), r[0], r[1]);
            changed(h.enterpriseId(), id, "UPDATED");
            return get(c, id);
        });
    }

    private static ProblemException illegal(HiddenDanger h, String action) {
        List<String> allowed = ACTIONS.get(h.status());
        return ProblemException.conflict("'" + action + "' is not possible while the hidden danger is " + h.status() + " (" + h.statusZh()
                + "); allowed now: " + (allowed.isEmpty() ? "nothing (it is closed)" : allowed),
                new FieldError("status", "transition", "allowed actions: " + allowed));
    }

    // ---- reads

    HiddenDanger get(long id) {
        return ctx.db.tx(c -> visible(c, id));
    }

    List<HistoryEntry> history(long id) {
        return ctx.db.tx(c -> {
            visible(c, id);
            return Db.list(c, "SELECT at, by_user, action, from_status, to_status, note FROM report.hidden_danger_history WHERE hidden_danger_id=? "
                    + "ORDER BY id", rs -> new HistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)), id);
        });
    }

    record Filter(Long enterpriseId, Long inspectionId, String grade, String status, Boolean overdue, LocalDate from, LocalDate to, String q,
            String match) {
    }

    Page<HiddenDanger> list(PageQuery page, Filter f) {
        List<Object> p = new ArrayList<>();
        Context.Search s = ctx.search("HIDDEN_DANGER", f.q(), f.match(), p);
        StringBuilder w = new StringBuilder(" WHERE ").append(DataScope.current().sqlPredicate("t.enterprise_id")).append(" AND ").append(s.where());
        if (f.enterpriseId() != null) {
            w.append(" AND t.enterprise_id = ?");
            p.add(f.enterpriseId());
        }
        if (f.inspectionId() != null) {
            w.append(" AND t.inspection_id = ?");
            p.add(f.inspectionId());
        }
        if (f.grade() != null && !f.grade().isBlank()) {
            if (!Set.of("GENERAL", "MAJOR").contains(f.grade())) {
                throw ProblemException.invalid(List.of(new FieldError("grade", "enum", "grade must be GENERAL or MAJOR")));
            }
            w.append(" AND t.grade = ?");
            p.add(f.grade());
        }
        if (f.status() != null && !f.status().isBlank()) {
            if (f.status().equals("OPEN")) {
                w.append(" AND t.status <> 'CLOSED'");
            } else if (ACTIONS.containsKey(f.status())) {
                w.append(" AND t.status = ?");
                p.add(f.status());
            } else {
                throw ProblemException.invalid(List.of(new FieldError("status", "enum", "status must be one of " + ACTIONS.keySet() + " or OPEN")));
            }
        }
        if (f.overdue() != null) {
            w.append(f.overdue() ? " AND " : " AND NOT ").append("(t.status <> 'CLOSED' AND t.deadline IS NOT NULL AND t.deadline < ?)");
            p.add(ctx.today());
        }
        w.append(ReportStore.dateRange("t.found_on", f.from(), f.to(), p));
        List<String> order = new ArrayList<>();
        if (s.scoreSql() != null && page.sort().isEmpty()) {
            order.add("score DESC");
        }
        page.sort().forEach(x -> order.add(SORT_COLUMNS.get(x.field()) + (x.ascending() ? " ASC" : " DESC")));
        order.add("t.id DESC");
        return ctx.db.tx(c -> {
            long total = Db.count(c, "SELECT count(*) FROM report.hidden_danger t" + s.join() + w, p.toArray());
            List<Object> pp = new ArrayList<>(p);
            pp.add(page.size());
            pp.add(page.offset());
            List<HiddenDanger> items = Db.list(c, "SELECT t.*, " + (s.scoreSql() == null ? "NULL" : s.scoreSql()) + " AS score FROM report.hidden_danger t" + s.join()
                    + w + " ORDER BY " + String.join(", ", order) + " LIMIT ? OFFSET ?", rs -> map(c, rs), pp.toArray());
            return new Page<>(items, total, page.page(), page.size());
        });
    }

    Map<String, Object> statistics(LocalDate from, LocalDate to) {
        List<Object> p = new ArrayList<>();
        String base = " FROM report.hidden_danger WHERE " + DataScope.current().sqlPredicate("enterprise_id")
                + ReportStore.dateRange("found_on", from, to, p);
        return ctx.db.tx(c -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("total", Db.count(c, "SELECT count(*)" + base, p.toArray()));
            s.put("byGrade", ReportStore.group(c, "SELECT grade, count(*)" + base + " GROUP BY 1", p));
            s.put("byStatus", ReportStore.group(c, "SELECT status, count(*)" + base + " GROUP BY 1", p));
            s.put("byEnterprise", ReportStore.group(c, "SELECT enterprise_id::text, count(*)" + base + " GROUP BY 1", p));
            s.put("byMonth", ReportStore.group(c, "SELECT to_char(found_on, 'YYYY-MM'), count(*)" + base + " GROUP BY 1", p));
            List<Object> po = new ArrayList<>(p);
            po.add(ctx.today());
            s.put("overdue", Db.count(c, "SELECT count(*)" + base + " AND status <> 'CLOSED' AND deadline < ?", po.toArray()));
            long total = (Long) s.get("total");
            long closed = Db.count(c, "SELECT count(*)" + base + " AND status = 'CLOSED'", p.toArray());
            s.put("closed", closed);
            s.put("rectificationRate", total == 0 ? null : Math.round(closed * 1000.0 / total) / 1000.0);
            return s;
        });
    }

    /** Hidden dangers that became overdue since the last sweep: posts one OVERDUE event each. */
    int sweepOverdue() {
        record Row(long id, long enterpriseId, String grade, LocalDate deadline) {
        }
        List<Row> rows = ctx.db.tx(c -> Db.list(c, "SELECT id, enterprise_id, grade, deadline FROM report.hidden_danger WHERE status <> 'CLOSED' "
                + "AND deadline < ?", rs -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class)), ctx.today()));
        int n = 0;
        synchronized (knownOverdue) {
            Set<Long> now = new HashSet<>();
            for (Row r : rows) {
                now.add(r.id());
                if (!knownOverdue.contains(r.id())) {
                    n++;
                    Map<String, Object> p = new java.util.HashMap<>();
                    p.put("module", ReportModule.ID);
                    p.put("entity", "hidden-danger");
                    p.put("id", r.id());
                    p.put("enterpriseId", r.enterpriseId());
                    p.put("grade", r.grade());
                    p.put("deadline", String.valueOf(r.deadline()));
                    ctx.post(ReportModule.OVERDUE_TOPIC, p);
                    ctx.post(org.chempark.sdk.risk.RiskFactorProvider.CHANGED, Map.of("enterpriseId", r.enterpriseId()));
                }
            }
            knownOverdue.clear();
            knownOverdue.addAll(now);
        }
        return n;
    }

    private HiddenDanger visible(Connection c, long id) throws SQLException {
        HiddenDanger h = get(c, id);
        if (h == null || !DataScope.current().allows(h.enterpriseId())) {
            throw ProblemException.notFound("hidden danger", id);
        }
        return h;
    }

    private HiddenDanger get(Connection c, long id) throws SQLException {
        return Db.one(c, "SELECT t.*, NULL AS score FROM report.hidden_danger t WHERE t.id = ?", rs -> map(c, rs), id);
    }

    private HiddenDanger map(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String status = rs.getString("status");
        String grade = rs.getString("grade");
        LocalDate deadline = rs.getObject("deadline", LocalDate.class);
        boolean overdue = !"CLOSED".equals(status) && deadline != null && deadline.isBefore(ctx.today());
        Object score = rs.getObject("score");
        return new HiddenDanger(id, rs.getLong("inspection_id"), rs.getLong("enterprise_id"), (Long) rs.getObject("unit_id"), grade,
                Model.gradeZh(grade), rs.getString("description"), rs.getString("location"), rs.getString("basis"),
                rs.getObject("found_on", LocalDate.class), status, Model.statusZh(status), rs.getString("measures"),
                rs.getString("responsible_person"), deadline, overdue, rs.getString("feedback"), instant(rs, "feedback_at"),
                rs.getString("verified_by"), rs.getString("verification_note"), instant(rs, "closed_at"),
                ReportStore.files(c, "EVIDENCE", id), ACTIONS.get(status), rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), score == null ? null : ((Number) score).doubleValue());
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static void history(Connection c, long id, String action, String from, String to, String note) throws SQLException {
        Db.update(c, "INSERT INTO report.hidden_danger_history (hidden_danger_id, by_user, action, from_status, to_status, note) VALUES (?,?,?,?,?,?)",
                id, Context.user(), action, from, to, note);
    }

    private void changed(long enterpriseId, long id, String action) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("module", ReportModule.ID);
        p.put("entity", "hidden-danger");
        p.put("id", id);
        p.put("enterpriseId", enterpriseId);
        ctx.post("org/chempark/report/hidden-danger/" + action, p);
        ctx.post(org.chempark.sdk.risk.RiskFactorProvider.CHANGED, Map.of("enterpriseId", enterpriseId));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Counts for the risk factors of one enterprise: open, major open, overdue. */
    long[] counts(long enterpriseId) {
        return ctx.db.tx(c -> Db.one(c, "SELECT count(*) FILTER (WHERE status <> 'CLOSED'), "
                + "count(*) FILTER (WHERE status <> 'CLOSED' AND grade = 'MAJOR'), "
                + "count(*) FILTER (WHERE status <> 'CLOSED' AND deadline < ?) FROM report.hidden_danger WHERE enterprise_id = ?",
                rs -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }, ctx.today(), enterpriseId));
    }
}
