package org.chempark.report.internal;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.chempark.report.internal.Model.FileInfo;
import org.chempark.report.internal.Model.Report;
import org.chempark.report.internal.Model.ReportInput;
import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Validation;
import org.chempark.sdk.security.DataScope;

/**
 * 安全评价报告 and SIL 等级评估报告 filed per enterprise (and unit) with their files and expiry
 * state (R-F2.4, guideline 四(二)4 "安全评价报告电子化备案、查阅").
 */
final class ReportStore {
    static final Set<String> SORTABLE = Set.of("id", "issuedOn", "validUntil", "title", "enterpriseId");
    private static final Map<String, String> SORT_COLUMNS = Map.of("id", "t.id", "issuedOn", "t.issued_on", "validUntil",
            "t.valid_until", "title", "t.title", "enterpriseId", "t.enterprise_id");
    private static final Pattern FILENAME = Pattern.compile("[^/\\\\\\x00-\\x1f]{1,200}");

    private final Context ctx;

    ReportStore(Context ctx) {
        this.ctx = ctx;
    }

    /** VALID, DUE (within the lead days), EXPIRED or NO_EXPIRY. */
    static String expiry(LocalDate validUntil, LocalDate today, int leadDays) {
        if (validUntil == null) {
            return "NO_EXPIRY";
        }
        if (today.isAfter(validUntil)) {
            return "EXPIRED";
        }
        return today.isBefore(validUntil.minusDays(leadDays)) ? "VALID" : "DUE";
    }

    Report create(ReportInput in) {
        validate(in, false);
        DataScope.requireEnterprise(in.enterpriseId());
        return ctx.db.tx(c -> {
            String text = searchText(in);
            long id = Db.insert(c, "INSERT INTO report.report (enterprise_id, unit_id, type, title, agency, issued_on, valid_until, conclusions, "
                    + "expiry_state, search_text, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)", in.enterpriseId(), in.unitId(), in.type(),
                    in.title().trim(), in.agency().trim(), in.issuedOn(), in.validUntil(), in.conclusions(),
                    expiry(in.validUntil(), ctx.today(), ctx.leadDays), Bigrams.normalize(text), Context.user());
            Context.index(c, "REPORT", id, text);
            changed(in.enterpriseId(), "report", id, "CREATED");
            return get(c, id);
        });
    }

    Report update(long id, ReportInput in) {
        validate(in, true);
        return ctx.db.tx(c -> {
            Report before = visible(c, id);
            DataScope.requireEnterprise(in.enterpriseId());
            String text = searchText(in);
            int n = Db.update(c, "UPDATE report.report SET enterprise_id=?, unit_id=?, type=?, title=?, agency=?, issued_on=?, valid_until=?, "
                    + "conclusions=?, expiry_state=?, search_text=?, version=version+1 WHERE id=? AND version=?", in.enterpriseId(), in.unitId(),
                    in.type(), in.title().trim(), in.agency().trim(), in.issuedOn(), in.validUntil(), in.conclusions(),
                    expiry(in.validUntil(), ctx.today(), ctx.leadDays), Bigrams.normalize(text), id, in.version());
            if (n == 0) {
                throw stale(before.version());
            }
            Db.update(c, "UPDATE report.stored_file SET enterprise_id=? WHERE owner_kind='REPORT' AND owner_id=?", in.enterpriseId(), id);
            Context.index(c, "REPORT", id, text);
            changed(before.enterpriseId(), "report", id, "UPDATED");
            if (before.enterpriseId() != in.enterpriseId()) {
                changed(in.enterpriseId(), "report", id, "UPDATED");
            }
            return get(c, id);
        });
    }

    void delete(long id) {
        List<String> keys = ctx.db.tx(c -> {
            Report r = visible(c, id);
            List<String> k = Db.list(c, "SELECT storage_key FROM report.stored_file WHERE owner_kind='REPORT' AND owner_id=?",
                    rs -> rs.getString(1), id);
            Db.update(c, "DELETE FROM report.stored_file WHERE owner_kind='REPORT' AND owner_id=?", id);
            Db.update(c, "DELETE FROM report.search_gram WHERE kind='REPORT' AND ref_id=?", id);
            Db.update(c, "DELETE FROM report.report WHERE id=?", id);
            changed(r.enterpriseId(), "report", id, "DELETED");
            return k;
        });
        keys.forEach(ctx.files::delete);
    }

    Report get(long id) {
        return ctx.db.tx(c -> visible(c, id));
    }

    Page<Report> list(PageQuery page, Long enterpriseId, String type, String expiry, String q, String match) {
        List<Object> params = new ArrayList<>();
        Context.Search s = ctx.search("REPORT", q, match, params);
        StringBuilder where = new StringBuilder(" WHERE ").append(DataScope.current().sqlPredicate("t.enterprise_id")).append(" AND ")
                .append(s.where());
        if (enterpriseId != null) {
            where.append(" AND t.enterprise_id = ?");
            params.add(enterpriseId);
        }
        if (type != null && !type.isBlank()) {
            checkType(type);
            where.append(" AND t.type = ?");
            params.add(type);
        }
        if (expiry != null && !expiry.isBlank()) {
            if (!Set.of("VALID", "DUE", "EXPIRED", "NO_EXPIRY").contains(expiry)) {
                throw ProblemException.invalid(List.of(new FieldError("expiry", "enum", "expiry must be VALID, DUE, EXPIRED or NO_EXPIRY")));
            }
            where.append(" AND t.expiry_state = ?");
            params.add(expiry);
        }
        String order = order(page, s.scoreSql() != null);
        return ctx.db.tx(c -> {
            long total = Db.count(c, "SELECT count(*) FROM report.report t" + s.join() + where, params.toArray());
            List<Object> p = new ArrayList<>(params);
            p.add(page.size());
            p.add(page.offset());
            List<Report> items = Db.list(c, "SELECT t.*, " + (s.scoreSql() == null ? "NULL" : s.scoreSql()) + " AS score FROM report.report t" + s.join()
                    + where + order + " LIMIT ? OFFSET ?", rs -> map(c, rs), p.toArray());
            return new Page<>(items, total, page.page(), page.size());
        });
    }

    private static String order(PageQuery page, boolean scored) {
        List<String> parts = new ArrayList<>();
        if (scored && page.sort().isEmpty()) {
            parts.add("score DESC");
        }
        for (PageQuery.Sort s : page.sort()) {
            parts.add(SORT_COLUMNS.get(s.field()) + (s.ascending() ? " ASC" : " DESC"));
        }
        parts.add("t.id DESC");
        return " ORDER BY " + String.join(", ", parts);
    }

    // ---- files

    FileInfo upload(long reportId, String filename, String contentType, InputStream body) {
        String type = ctx.files.checkType(contentType);
        checkFilename(filename);
        Report r = get(reportId);
        if (!DataScope.current().allows(r.enterpriseId())) {
            throw ProblemException.notFound("report", reportId);
        }
        FileStore.Stored stored = ctx.files.write(body, type);
        try {
            return ctx.db.tx(c -> {
                visible(c, reportId);
                long id = Db.insert(c, "INSERT INTO report.stored_file (owner_kind, owner_id, enterprise_id, filename, content_type, size_bytes, "
                        + "sha256, storage_key, uploaded_by) VALUES ('REPORT',?,?,?,?,?,?,?,?)", reportId, r.enterpriseId(), filename.trim(), type,
                        stored.size(), stored.sha256(), stored.key(), Context.user());
                Db.update(c, "UPDATE report.report SET version = version + 1 WHERE id = ?", reportId);
                changed(r.enterpriseId(), "report", reportId, "UPDATED");
                return file(c, id);
            });
        } catch (RuntimeException e) {
            ctx.files.delete(stored.key());
            throw e;
        }
    }

    static void checkFilename(String filename) {
        if (filename == null || filename.isBlank() || !FILENAME.matcher(filename.trim()).matches()) {
            throw ProblemException.invalid(List.of(new FieldError("filename", "pattern",
                    "filename is required (query parameter or Content-Disposition), at most 200 characters, without / or \\")));
        }
    }

    /** A stored file (of a report or an evidence) visible to the caller, with its storage key. */
    record Download(FileInfo info, String key) {
    }

    Download download(long fileId) {
        return ctx.db.tx(c -> {
            Download d = Db.one(c, "SELECT f.*, f.storage_key AS k FROM report.stored_file f WHERE f.id = ? AND "
                    + DataScope.current().sqlPredicate("f.enterprise_id"), rs -> new Download(fileInfo(rs), rs.getString("k")), fileId);
            if (d == null) {
                throw ProblemException.notFound("file", fileId);
            }
            return d;
        });
    }

    static FileInfo fileInfo(ResultSet rs) throws SQLException {
        return new FileInfo(rs.getLong("id"), rs.getString("filename"), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getString("sha256").trim(), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by"));
    }

    static FileInfo file(Connection c, long id) throws SQLException {
        return Db.one(c, "SELECT * FROM report.stored_file WHERE id = ?", ReportStore::fileInfo, id);
    }

    static List<FileInfo> files(Connection c, String kind, long ownerId) throws SQLException {
        return Db.list(c, "SELECT * FROM report.stored_file WHERE owner_kind = ? AND owner_id = ? ORDER BY id", ReportStore::fileInfo, kind, ownerId);
    }

    // ---- expiry reminders

    /** Re-evaluates every report's expiry state; posts an EXPIRY event for each change. Returns how many changed. */
    int sweepExpiry() {
        LocalDate today = ctx.today();
        int lead = ctx.leadDays;
        record Row(long id, long enterpriseId, String title, LocalDate validUntil, String state) {
        }
        List<Row> changedRows = ctx.db.tx(c -> {
            List<Row> rows = Db.list(c, "SELECT id, enterprise_id, title, valid_until, expiry_state FROM report.report",
                    rs -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5)));
            List<Row> out = new ArrayList<>();
            for (Row r : rows) {
                String now = expiry(r.validUntil(), today, lead);
                if (!now.equals(r.state())) {
                    Db.update(c, "UPDATE report.report SET expiry_state = ? WHERE id = ?", now, r.id());
                    out.add(new Row(r.id(), r.enterpriseId(), r.title(), r.validUntil(), now));
                }
            }
            return out;
        });
        for (Row r : changedRows) {
            Map<String, Object> p = new HashMap<>();
            p.put("module", ReportModule.ID);
            p.put("entity", "report");
            p.put("id", r.id());
            p.put("enterpriseId", r.enterpriseId());
            p.put("title", r.title());
            p.put("expiry", r.state());
            p.put("validUntil", String.valueOf(r.validUntil()));
            ctx.post(ReportModule.EXPIRY_TOPIC, p);
            ctx.post(org.chempark.sdk.risk.RiskFactorProvider.CHANGED, Map.of("enterpriseId", r.enterpriseId()));
        }
        return changedRows.size();
    }

    // ---- statistics

    Map<String, Object> statistics(LocalDate from, LocalDate to) {
        String scope = DataScope.current().sqlPredicate("enterprise_id");
        List<Object> p = new ArrayList<>();
        String range = dateRange("issued_on", from, to, p);
        return ctx.db.tx(c -> {
            Map<String, Object> s = new LinkedHashMap<>();
            String base = " FROM report.report WHERE " + scope + range;
            s.put("total", Db.count(c, "SELECT count(*)" + base, p.toArray()));
            s.put("byType", group(c, "SELECT type, count(*)" + base + " GROUP BY 1", p));
            s.put("byExpiry", group(c, "SELECT expiry_state, count(*)" + base + " GROUP BY 1", p));
            s.put("byEnterprise", group(c, "SELECT enterprise_id::text, count(*)" + base + " GROUP BY 1", p));
            s.put("byMonth", group(c, "SELECT to_char(issued_on, 'YYYY-MM'), count(*)" + base + " GROUP BY 1", p));
            return s;
        });
    }

    static String dateRange(String column, LocalDate from, LocalDate to, List<Object> params) {
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

    // ---- helpers

    private Report visible(Connection c, long id) throws SQLException {
        Report r = get(c, id);
        if (r == null || !DataScope.current().allows(r.enterpriseId())) {
            throw ProblemException.notFound("report", id);
        }
        return r;
    }

    private Report get(Connection c, long id) throws SQLException {
        return Db.one(c, "SELECT t.*, NULL AS score FROM report.report t WHERE t.id = ?", rs -> map(c, rs), id);
    }

    private Report map(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        LocalDate validUntil = rs.getObject("valid_until", LocalDate.class);
        String type = rs.getString("type");
        // the state is what the last sweep stored; recomputed here so a read is right between sweeps
        String expiry = expiry(validUntil, ctx.today(), ctx.leadDays);
        Object score = rs.getObject("score");
        return new Report(id, rs.getLong("enterprise_id"), (Long) rs.getObject("unit_id"), type, Model.typeZh(type), rs.getString("title"),
                rs.getString("agency"), rs.getObject("issued_on", LocalDate.class), validUntil, rs.getString("conclusions"), expiry,
                Model.expiryZh(expiry), validUntil == null ? null : ChronoUnit.DAYS.between(ctx.today(), validUntil), files(c, "REPORT", id),
                rs.getInt("version"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                score == null ? null : ((Number) score).doubleValue());
    }

    private void validate(ReportInput in, boolean update) {
        if (in == null) {
            throw ProblemException.badRequest("A JSON body is required");
        }
        Validation v = new Validation();
        v.required("enterpriseId", in.enterpriseId()).required("type", in.type()).required("title", in.title())
                .required("agency", in.agency()).required("issuedOn", in.issuedOn())
                .maxLength("title", in.title(), 300).maxLength("agency", in.agency(), 200).maxLength("conclusions", in.conclusions(), 20_000);
        if (in.type() != null && !Set.of(Model.SAFETY_ASSESSMENT, Model.SIL).contains(in.type())) {
            v.add("type", "enum", "type must be SAFETY_ASSESSMENT (安全评价报告) or SIL (SIL等级评估报告)");
        }
        if (in.issuedOn() != null && in.issuedOn().isAfter(ctx.today())) {
            v.add("issuedOn", "past", "issuedOn must not be in the future");
        }
        if (in.issuedOn() != null && in.validUntil() != null && in.validUntil().isBefore(in.issuedOn())) {
            v.add("validUntil", "order", "validUntil must not be before issuedOn");
        }
        if (in.enterpriseId() != null && !ctx.assets.enterpriseExists(in.enterpriseId())) {
            v.add("enterpriseId", "exists", "enterprise " + in.enterpriseId() + " does not exist");
        }
        if (in.unitId() != null) {
            var owner = ctx.assets.unitEnterprise(in.unitId());
            if (owner.isEmpty()) {
                v.add("unitId", "exists", "unit " + in.unitId() + " does not exist");
            } else if (in.enterpriseId() != null && !owner.get().equals(in.enterpriseId())) {
                v.add("unitId", "owner", "unit " + in.unitId() + " belongs to another enterprise");
            }
        }
        if (update) {
            v.required("version", in.version());
        }
        v.throwIfInvalid();
    }

    private static void checkType(String type) {
        if (!Set.of(Model.SAFETY_ASSESSMENT, Model.SIL).contains(type)) {
            throw ProblemException.invalid(List.of(new FieldError("type", "enum", "type must be SAFETY_ASSESSMENT or SIL")));
        }
    }

    private static String searchText(ReportInput in) {
        return String.join(" ", in.title(), in.agency(), in.conclusions() == null ? "" : in.conclusions());
    }

    static ProblemException stale(int current) {
        return ProblemException.conflict("The record was changed by someone else meanwhile (current version " + current
                + "); reload it and apply your change again", new FieldError("version", "stale", "current version is " + current));
    }

    private void changed(long enterpriseId, String entity, long id, String action) {
        Map<String, Object> p = new HashMap<>();
        p.put("module", ReportModule.ID);
        p.put("entity", entity);
        p.put("id", id);
        p.put("enterpriseId", enterpriseId);
        ctx.post("org/chempark/report/" + entity + "/" + action, p);
        ctx.post(org.chempark.sdk.risk.RiskFactorProvider.CHANGED, Map.of("enterpriseId", enterpriseId));
    }

    void changedHook(long enterpriseId, String entity, long id, String action) {
        changed(enterpriseId, entity, id, action);
    }
}
