package org.chempark.emergency.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Validation;
import org.chempark.sdk.security.DataScope;
import org.chempark.sdk.security.Sensitive;

/**
 * The emergency resources registry ({@code emergency.resource}) in plain JDBC: validation, data scope
 * (enterprise users see and edit only their enterprise's resources; park resources are park staff's),
 * optimistic locking, masking of experts' mobile numbers.
 */
final class ResourceStore {
    static final Set<String> SORTABLE = Set.of("code", "name", "category", "type", "quantity", "expiryDate", "enterpriseId");
    private static final Map<String, String> SORT_COLUMNS = Map.of("code", "code", "name", "name", "category", "category", "type", "type",
            "quantity", "quantity", "expiryDate", "expiry_date", "enterpriseId", "enterprise_id");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,49}");
    private static final String COLUMNS = "id, category, enterprise_id, code, name, type, organisation, mobile, members, quantity, "
            + "quantity_unit, east, north, expiry_date, available, notes, version";

    private final DataSource ds;
    private final LongPredicate enterpriseExists;
    /** Valid location box [minE, minN, maxE, maxN] (the park plus a margin). */
    private final java.util.function.Supplier<double[]> boundsSupplier;
    private volatile double[] bounds;

    ResourceStore(DataSource ds, LongPredicate enterpriseExists, java.util.function.Supplier<double[]> bounds) {
        this.ds = ds;
        this.enterpriseExists = enterpriseExists;
        this.boundsSupplier = bounds;
    }

    private double[] bounds() {
        double[] b = bounds;
        if (b == null) {
            b = boundsSupplier.get();
            bounds = b;
        }
        return b;
    }

    /** Filters of a list request; null means no filter. */
    record Filter(String category, String type, Long enterpriseId, String q, Boolean usable) {
    }

    Page<EmergencyResourceItem> list(PageQuery page, Filter f) {
        List<Object> args = new ArrayList<>();
        String where = where(f, args);
        StringBuilder order = new StringBuilder();
        for (PageQuery.Sort s : page.sort()) {
            order.append(order.length() == 0 ? " ORDER BY " : ", ").append(SORT_COLUMNS.get(s.field())).append(s.ascending() ? " ASC" : " DESC");
        }
        order.append(order.length() == 0 ? " ORDER BY id" : ", id");
        try (Connection c = ds.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM emergency.resource r WHERE " + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<EmergencyResourceItem> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM emergency.resource r WHERE " + where + order
                    + " LIMIT " + page.size() + " OFFSET " + page.offset())) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(present(row(rs)));
                    }
                }
            }
            return new Page<>(items, total, page.page(), page.size());
        } catch (SQLException e) {
            throw new IllegalStateException("listing emergency resources failed: " + e.getMessage(), e);
        }
    }

    /** Every resource the current caller may see, unmasked (for the plan and statistics; mask before returning). */
    List<EmergencyResourceItem> all() {
        List<Object> args = new ArrayList<>();
        String where = where(new Filter(null, null, null, null, null), args);
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM emergency.resource r WHERE " + where + " ORDER BY id")) {
            bind(ps, args);
            List<EmergencyResourceItem> out = new ArrayList<>();
            LocalDate today = LocalDate.now();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    EmergencyResourceItem i = row(rs);
                    out.add(i.withUsable(i.usableOn(today)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading emergency resources failed: " + e.getMessage(), e);
        }
    }

    EmergencyResourceItem get(long id) {
        EmergencyResourceItem i = find(id).orElseThrow(() -> ProblemException.notFound("resource", id));
        DataScope.current().check(i.enterpriseId());
        return present(i);
    }

    private Optional<EmergencyResourceItem> find(long id) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM emergency.resource WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading resource " + id + " failed: " + e.getMessage(), e);
        }
    }

    EmergencyResourceItem create(EmergencyResourceItem in) {
        requireScope(in.enterpriseId());
        validate(in);
        try (Connection c = ds.getConnection()) {
            return present(insert(c, in));
        } catch (SQLException e) {
            throw translate(e, in);
        }
    }

    /** Inserts many in one transaction (demo data): all or nothing. */
    int createAll(List<EmergencyResourceItem> items) {
        items.forEach(this::validate);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (EmergencyResourceItem i : items) {
                    insert(c, i);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            return items.size();
        } catch (SQLException e) {
            throw new IllegalStateException("loading emergency resources failed: " + e.getMessage(), e);
        }
    }

    long count() {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM emergency.resource");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private EmergencyResourceItem insert(Connection c, EmergencyResourceItem in) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO emergency.resource (category, enterprise_id, code, name, type, "
                + "organisation, mobile, members, quantity, quantity_unit, east, north, expiry_date, available, notes) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING " + COLUMNS)) {
            fill(ps, in);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return row(rs);
            }
        }
    }

    EmergencyResourceItem update(long id, EmergencyResourceItem in) {
        EmergencyResourceItem before = find(id).orElseThrow(() -> ProblemException.notFound("resource", id));
        DataScope.current().check(before.enterpriseId());
        requireScope(in.enterpriseId());
        if (in.mobile() != null && in.mobile().contains("*")) {
            in = in.withMobile(before.mobile()); // the masked value sent back unchanged
        }
        validate(in);
        if (in.version() == null) {
            throw ProblemException.invalid(List.of(new org.chempark.sdk.rest.FieldError("version", "required",
                    "version is required: send the version you read (optimistic locking)")));
        }
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE emergency.resource SET category=?, "
                + "enterprise_id=?, code=?, name=?, type=?, organisation=?, mobile=?, members=?, quantity=?, quantity_unit=?, east=?, "
                + "north=?, expiry_date=?, available=?, notes=?, version = version + 1, updated_at = now() WHERE id = ? AND version = ? "
                + "RETURNING " + COLUMNS)) {
            fill(ps, in);
            ps.setLong(16, id);
            ps.setInt(17, in.version());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.conflict("resource " + id + " was changed by someone else (version " + in.version()
                            + " is stale); reload it and apply your change again");
                }
                return present(row(rs));
            }
        } catch (SQLException e) {
            throw translate(e, in);
        }
    }

    void delete(long id) {
        EmergencyResourceItem before = find(id).orElseThrow(() -> ProblemException.notFound("resource", id));
        DataScope.current().check(before.enterpriseId());
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM emergency.resource WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("deleting resource " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** Counts, usable counts and quantities by enterprise (null key: the park) and by category/type, in the caller's scope. */
    Map<String, Object> statistics(Map<Long, String> enterpriseNames) {
        List<EmergencyResourceItem> all = all();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("total", all.size());
        s.put("usable", all.stream().filter(EmergencyResourceItem::usable).count());
        s.put("expired", all.stream().filter(i -> i.expiryDate() != null && i.expiryDate().isBefore(LocalDate.now())).count());
        Map<String, Map<String, Object>> byType = new TreeMap<>();
        Map<String, Map<String, Object>> byEnterprise = new TreeMap<>();
        for (EmergencyResourceItem i : all) {
            Map<String, Object> t = byType.computeIfAbsent(i.category() + "/" + i.type(), k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("category", i.category());
                m.put("type", i.type());
                m.put("typeZh", ResourceTypes.nameZh(i.category(), i.type()));
                m.put("count", 0);
                m.put("usable", 0);
                m.put("quantity", 0.0);
                m.put("quantityUnit", i.quantityUnit());
                m.put("members", 0);
                return m;
            });
            add(t, i);
            String ek = i.enterpriseId() == null ? "park" : String.valueOf(i.enterpriseId());
            Map<String, Object> e = byEnterprise.computeIfAbsent(ek, k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("enterpriseId", i.enterpriseId());
                m.put("enterpriseName", i.enterpriseId() == null ? "园区 Park" : enterpriseNames.getOrDefault(i.enterpriseId(), "?"));
                m.put("count", 0);
                m.put("usable", 0);
                m.put("byCategory", new TreeMap<String, Integer>());
                return m;
            });
            e.put("count", (Integer) e.get("count") + 1);
            e.put("usable", (Integer) e.get("usable") + (i.usable() ? 1 : 0));
            @SuppressWarnings("unchecked")
            Map<String, Integer> bc = (Map<String, Integer>) e.get("byCategory");
            bc.merge(i.category(), 1, Integer::sum);
        }
        s.put("byType", List.copyOf(byType.values()));
        s.put("byEnterprise", List.copyOf(byEnterprise.values()));
        return s;
    }

    private static void add(Map<String, Object> t, EmergencyResourceItem i) {
        t.put("count", (Integer) t.get("count") + 1);
        t.put("usable", (Integer) t.get("usable") + (i.usable() ? 1 : 0));
        if (i.quantity() != null) {
            t.put("quantity", (Double) t.get("quantity") + i.quantity());
        }
        if (i.members() != null) {
            t.put("members", (Integer) t.get("members") + i.members());
        }
    }

    private String where(Filter f, List<Object> args) {
        StringBuilder w = new StringBuilder(DataScope.current().sqlPredicate("r.enterprise_id"));
        if (f.category() != null) {
            w.append(" AND r.category = ?");
            args.add(f.category());
        }
        if (f.type() != null) {
            w.append(" AND r.type = ?");
            args.add(f.type());
        }
        if (f.enterpriseId() != null) {
            w.append(" AND r.enterprise_id = ?");
            args.add(f.enterpriseId());
        }
        if (f.q() != null && !f.q().isBlank()) {
            w.append(" AND (r.name ILIKE ? OR r.code ILIKE ? OR r.organisation ILIKE ?)");
            String like = "%" + f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            args.add(like);
            args.add(like);
            args.add(like);
        }
        if (Boolean.TRUE.equals(f.usable())) {
            w.append(" AND r.available AND (r.expiry_date IS NULL OR r.expiry_date >= CURRENT_DATE) AND (r.quantity IS NULL OR r.quantity > 0)");
        }
        return w.toString();
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private static void requireScope(Long enterpriseId) {
        DataScope scope = DataScope.current();
        if (!scope.allows(enterpriseId)) {
            if (enterpriseId == null) {
                throw ProblemException.invalid(List.of(new org.chempark.sdk.rest.FieldError("enterpriseId", "scope",
                        "enterpriseId is required: you may register resources of your own enterprise only (park resources are park staff's)")));
            }
            throw ProblemException.invalid(List.of(new org.chempark.sdk.rest.FieldError("enterpriseId", "scope",
                    "enterpriseId " + enterpriseId + " is not an enterprise you may register resources for")));
        }
    }

    void validate(EmergencyResourceItem in) {
        Validation v = new Validation();
        v.required("category", in.category());
        if (in.category() != null && !ResourceTypes.TYPES.containsKey(in.category())) {
            v.add("category", "enum", "category must be one of " + ResourceTypes.categories());
        }
        v.required("code", in.code()).pattern("code", in.code(), CODE, "must be 1–50 letters, digits, '_', '.' or '-'");
        v.required("name", in.name()).maxLength("name", in.name(), 200);
        v.required("type", in.type());
        if (in.type() != null && in.category() != null && ResourceTypes.TYPES.containsKey(in.category())
                && !ResourceTypes.known(in.category(), in.type())) {
            v.add("type", "enum", "type of a " + in.category() + " must be one of " + ResourceTypes.TYPES.get(in.category()).keySet());
        }
        v.maxLength("organisation", in.organisation(), 200).maxLength("notes", in.notes(), 1000)
                .maxLength("quantityUnit", in.quantityUnit(), 20);
        if (in.enterpriseId() != null && !enterpriseExists.test(in.enterpriseId())) {
            v.add("enterpriseId", "reference", "enterpriseId " + in.enterpriseId() + " is not an enterprise of the asset model");
        }
        String cat = in.category() == null ? "" : in.category();
        boolean stock = cat.equals("MATERIAL") || cat.equals("EQUIPMENT");
        switch (cat) {
            case "EXPERT" -> {
                v.required("organisation", in.organisation()).required("mobile", in.mobile());
                if (in.mobile() != null && !in.mobile().isBlank() && !Sensitive.isValidMobile(in.mobile())) {
                    v.add("mobile", "pattern", "mobile must be an 11-digit mainland mobile number starting with 13–19");
                }
            }
            case "TEAM" -> {
                v.required("members", in.members()).range("members", in.members(), 1, 10_000);
                v.required("east", in.east()).required("north", in.north());
            }
            case "MATERIAL", "EQUIPMENT" -> {
                v.required("quantity", in.quantity()).range("quantity", in.quantity(), 0, 1e9);
                v.required("quantityUnit", in.quantityUnit());
                v.required("east", in.east()).required("north", in.north());
            }
            default -> {
            }
        }
        if (!cat.equals("TEAM") && in.members() != null) {
            v.add("members", "notApplicable", "members applies to a TEAM only");
        }
        if (!stock && in.quantity() != null) {
            v.add("quantity", "notApplicable", "quantity applies to MATERIAL and EQUIPMENT only");
        }
        if (!stock && in.expiryDate() != null) {
            v.add("expiryDate", "notApplicable", "expiryDate applies to MATERIAL and EQUIPMENT only");
        }
        if (!cat.equals("EXPERT") && in.mobile() != null) {
            v.add("mobile", "notApplicable", "mobile applies to an EXPERT only");
        }
        if ((in.east() == null) != (in.north() == null)) {
            v.add(in.east() == null ? "east" : "north", "required", "give both east and north (park frame, metres) or neither");
        }
        if (in.east() != null && !v.has("east")) {
            v.range("east", in.east(), bounds()[0], bounds()[2]);
        }
        if (in.north() != null && !v.has("north")) {
            v.range("north", in.north(), bounds()[1], bounds()[3]);
        }
        v.throwIfInvalid();
    }

    private static void fill(PreparedStatement ps, EmergencyResourceItem in) throws SQLException {
        ps.setString(1, in.category());
        ps.setObject(2, in.enterpriseId(), Types.BIGINT);
        ps.setString(3, in.code());
        ps.setString(4, in.name());
        ps.setString(5, in.type());
        ps.setString(6, in.organisation());
        ps.setString(7, in.mobile());
        ps.setObject(8, in.members(), Types.INTEGER);
        ps.setObject(9, in.quantity(), Types.NUMERIC);
        ps.setString(10, in.quantityUnit());
        ps.setObject(11, in.east(), Types.DOUBLE);
        ps.setObject(12, in.north(), Types.DOUBLE);
        ps.setObject(13, in.expiryDate() == null ? null : Date.valueOf(in.expiryDate()), Types.DATE);
        ps.setBoolean(14, in.available() == null || in.available());
        ps.setString(15, in.notes());
    }

    private static EmergencyResourceItem row(ResultSet rs) throws SQLException {
        Date exp = rs.getDate("expiry_date");
        java.math.BigDecimal q = rs.getBigDecimal("quantity");
        return new EmergencyResourceItem(rs.getLong("id"), rs.getString("category"), (Long) rs.getObject("enterprise_id", Long.class),
                rs.getString("code"), rs.getString("name"), rs.getString("type"), rs.getString("organisation"), rs.getString("mobile"),
                rs.getObject("members", Integer.class), q == null ? null : q.doubleValue(), rs.getString("quantity_unit"),
                rs.getObject("east", Double.class), rs.getObject("north", Double.class), exp == null ? null : exp.toLocalDate(),
                rs.getBoolean("available"), rs.getString("notes"), rs.getInt("version"), null);
    }

    /** As the caller may see it: usable computed, mobile masked unless allowed. */
    static EmergencyResourceItem present(EmergencyResourceItem i) {
        EmergencyResourceItem u = i.withUsable(i.usableOn(LocalDate.now()));
        return u.mobile() == null ? u : u.withMobile(Sensitive.mobile(u.mobile()));
    }

    private static RuntimeException translate(SQLException e, EmergencyResourceItem in) {
        if ("23505".equals(e.getSQLState())) {
            return ProblemException.conflict("a resource with code '" + in.code() + "' already exists; choose another code",
                    new org.chempark.sdk.rest.FieldError("code", "unique", "code '" + in.code() + "' is taken"));
        }
        if ("23514".equals(e.getSQLState())) {
            return ProblemException.badRequest("the resource breaks a database rule: " + e.getMessage());
        }
        return new IllegalStateException("writing the resource failed: " + e.getMessage(), e);
    }
}
