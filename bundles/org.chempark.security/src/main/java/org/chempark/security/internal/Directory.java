package org.chempark.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Validation;
import org.chempark.sdk.security.OrganisationType;
import org.chempark.sdk.security.Sensitive;
import org.chempark.sdk.security.Subject;

/** Organisations, roles and users in the {@code security} schema. Every change is audited in the same transaction. */
final class Directory {
    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    static final Pattern ROLE_CODE = Pattern.compile("[a-z][a-z0-9-]{1,63}");
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{2,63}");
    static final Pattern PERMISSION = Pattern.compile("\\*|(\\*|[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*):(\\*|[a-z][a-z0-9-]*)");
    static final Set<String> LOCALES = Set.of("zh-CN", "en");
    static final Set<String> USER_SORT = Set.of("username", "displayName", "createdAt", "lastLoginAt");

    private final Db db;
    private final AuditLog audit;
    private final Clock clock;
    private final Runnable onChange;
    private final FieldCipher cipher;
    static final String MOBILE_COLUMN = "security.user_account.mobile_enc";
    static final String ID_CARD_COLUMN = "security.user_account.id_card_enc";

    Directory(Db db, AuditLog audit, Clock clock, Runnable onChange, FieldCipher cipher) {
        this.cipher = cipher;
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.onChange = onChange;
    }

    // ---------------------------------------------------------------- subject

    /** The subject of a user, or null when the user does not exist, is disabled or locked, or its organisation is inactive. */
    static Subject loadSubject(Connection c, long userId) throws SQLException {
        String username;
        String locale;
        long orgId;
        OrganisationType type;
        Long enterpriseId;
        try (PreparedStatement ps = c.prepareStatement("SELECT u.username, u.locale, u.organisation_id, o.type, o.enterprise_id "
                + "FROM security.user_account u JOIN security.organisation o ON o.id = u.organisation_id "
                + "WHERE u.id = ? AND u.enabled AND NOT u.locked AND o.active")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                username = rs.getString(1);
                locale = rs.getString(2);
                orgId = rs.getLong(3);
                type = OrganisationType.valueOf(rs.getString(4));
                enterpriseId = Db.longOrNull(rs, "enterprise_id");
            }
        }
        Set<String> roles = new TreeSet<>();
        Set<String> permissions = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.code, rp.permission FROM security.user_role ur "
                + "JOIN security.role r ON r.id = ur.role_id LEFT JOIN security.role_permission rp ON rp.role_id = r.id WHERE ur.user_id = ?")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.add(rs.getString(1));
                    if (rs.getString(2) != null) {
                        permissions.add(rs.getString(2));
                    }
                }
            }
        }
        Set<Long> grants = new TreeSet<>();
        if (type == OrganisationType.CONTRACTOR) {
            grants.addAll(grants(c, orgId));
        }
        return new Subject(userId, username, orgId, type, type == OrganisationType.ENTERPRISE ? enterpriseId : null, grants, roles,
                permissions, locale);
    }

    private static List<Long> grants(Connection c, long orgId) throws SQLException {
        List<Long> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT enterprise_id FROM security.organisation_grant WHERE organisation_id = ? ORDER BY 1")) {
            ps.setLong(1, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(rs.getLong(1));
                }
            }
        }
        return list;
    }

    // ---------------------------------------------------------------- organisations

    List<Dto.Organisation> organisations() {
        return db.tx(c -> {
            List<Dto.Organisation> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM security.organisation ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(organisation(c, rs));
                }
            }
            return list;
        });
    }

    Dto.Organisation organisation(long id) {
        return db.tx(c -> organisation(c, id));
    }

    private Dto.Organisation organisation(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM security.organisation WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("organisation", id);
                }
                return organisation(c, rs);
            }
        }
    }

    private static Dto.Organisation organisation(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        OrganisationType type = OrganisationType.valueOf(rs.getString("type"));
        return new Dto.Organisation(id, rs.getString("code"), rs.getString("name"), type, Db.longOrNull(rs, "parent_id"),
                Db.longOrNull(rs, "enterprise_id"), type == OrganisationType.CONTRACTOR ? grants(c, id) : List.of(),
                rs.getBoolean("active"));
    }

    private static void validate(Dto.Organisation o) {
        if (o == null) {
            throw ProblemException.badRequest("The request needs a JSON body");
        }
        Validation v = new Validation();
        v.required("code", o.code()).pattern("code", o.code(), CODE, "must be lower case letters, digits, '_', '.' or '-' (at most 64)");
        v.required("name", o.name()).maxLength("name", o.name(), 200);
        v.required("type", o.type());
        if (o.type() == OrganisationType.ENTERPRISE) {
            v.required("enterpriseId", o.enterpriseId());
        } else if (o.enterpriseId() != null) {
            v.add("enterpriseId", "notAllowed", "enterpriseId is only for ENTERPRISE organisations");
        }
        if (o.grantedEnterpriseIds() != null && !o.grantedEnterpriseIds().isEmpty() && o.type() != OrganisationType.CONTRACTOR) {
            v.add("grantedEnterpriseIds", "notAllowed", "grantedEnterpriseIds is only for CONTRACTOR organisations");
        }
        v.throwIfInvalid();
    }

    Dto.Organisation createOrganisation(Dto.Organisation o, Actor actor) {
        validate(o);
        Dto.Organisation saved = db.tx(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO security.organisation (code, name, type, parent_id, enterprise_id, active) "
                    + "VALUES (?,?,?,?,?,?) RETURNING id")) {
                ps.setString(1, o.code());
                ps.setString(2, o.name());
                ps.setString(3, o.type().name());
                ps.setObject(4, o.parentId());
                ps.setObject(5, o.enterpriseId());
                ps.setBoolean(6, o.active() == null || o.active());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            setGrants(c, id, o.grantedEnterpriseIds());
            audit.append(c, actor.event(AuditLog.Action.ORGANISATION_CHANGED, null, "created organisation " + id + " '" + o.code() + "' " + o.type()));
            return organisation(c, id);
        });
        onChange.run();
        return saved;
    }

    Dto.Organisation updateOrganisation(long id, Dto.Organisation o, Actor actor) {
        validate(o);
        Dto.Organisation saved = db.tx(c -> {
            organisation(c, id);
            if (o.parentId() != null && o.parentId() == id) {
                throw ProblemException.invalid(List.of(new org.chempark.sdk.rest.FieldError("parentId", "cycle", "an organisation cannot be its own parent")));
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE security.organisation SET code = ?, name = ?, type = ?, parent_id = ?, "
                    + "enterprise_id = ?, active = ?, updated_at = now() WHERE id = ?")) {
                ps.setString(1, o.code());
                ps.setString(2, o.name());
                ps.setString(3, o.type().name());
                ps.setObject(4, o.parentId());
                ps.setObject(5, o.enterpriseId());
                ps.setBoolean(6, o.active() == null || o.active());
                ps.setLong(7, id);
                ps.executeUpdate();
            }
            setGrants(c, id, o.grantedEnterpriseIds());
            checkSecurityRolesOnlyParkWide(c);
            audit.append(c, actor.event(AuditLog.Action.ORGANISATION_CHANGED, null, "changed organisation " + id + " '" + o.code()
                    + "' " + o.type() + (o.grantedEnterpriseIds() == null ? "" : " grants " + o.grantedEnterpriseIds())));
            return organisation(c, id);
        });
        onChange.run();
        return saved;
    }

    void deleteOrganisation(long id, Actor actor) {
        db.tx(c -> {
            Dto.Organisation o = organisation(c, id);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM security.organisation WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            audit.append(c, actor.event(AuditLog.Action.ORGANISATION_CHANGED, null, "deleted organisation " + id + " '" + o.code() + "'"));
            return null;
        });
        onChange.run();
    }

    private static void setGrants(Connection c, long orgId, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM security.organisation_grant WHERE organisation_id = ?")) {
            ps.setLong(1, orgId);
            ps.executeUpdate();
        }
        if (ids == null || ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO security.organisation_grant (organisation_id, enterprise_id) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING")) {
            for (Long e : ids) {
                if (e == null) {
                    continue;
                }
                ps.setLong(1, orgId);
                ps.setLong(2, e);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // ---------------------------------------------------------------- roles

    List<Dto.Role> roles() {
        return db.tx(c -> {
            Map<Long, Dto.Role> roles = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM security.role ORDER BY built_in DESC, code"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.put(rs.getLong("id"), role(rs, new ArrayList<>()));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT role_id, permission FROM security.role_permission ORDER BY permission");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Dto.Role r = roles.get(rs.getLong(1));
                    if (r != null) {
                        r.permissions().add(rs.getString(2));
                    }
                }
            }
            return List.copyOf(roles.values());
        });
    }

    Dto.Role role(long id) {
        return db.tx(c -> role(c, id));
    }

    private static Dto.Role role(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM security.role WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("role", id);
                }
                return role(rs, permissions(c, id));
            }
        }
    }

    private static List<String> permissions(Connection c, long roleId) throws SQLException {
        List<String> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT permission FROM security.role_permission WHERE role_id = ? ORDER BY 1")) {
            ps.setLong(1, roleId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(rs.getString(1));
                }
            }
        }
        return list;
    }

    private static Dto.Role role(ResultSet rs, List<String> permissions) throws SQLException {
        return new Dto.Role(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("description"), permissions, rs.getBoolean("built_in"));
    }

    private static void validate(Dto.Role r) {
        if (r == null) {
            throw ProblemException.badRequest("The request needs a JSON body");
        }
        Validation v = new Validation();
        v.required("code", r.code()).pattern("code", r.code(), ROLE_CODE, "must be lower case letters, digits or '-' (2 to 64)");
        v.required("nameZh", r.nameZh()).maxLength("nameZh", r.nameZh(), 100);
        v.required("nameEn", r.nameEn()).maxLength("nameEn", r.nameEn(), 100);
        v.maxLength("description", r.description(), 1000);
        if (r.permissions() != null) {
            for (int i = 0; i < r.permissions().size(); i++) {
                String p = r.permissions().get(i);
                v.check(p != null && PERMISSION.matcher(p).matches(), "permissions[" + i + "]", "pattern",
                        "'" + p + "' is not a permission: use module:action, module:*, *:action or *");
            }
        }
        v.throwIfInvalid();
    }

    Dto.Role createRole(Dto.Role r, Actor actor) {
        validate(r);
        Dto.Role saved = db.tx(c -> {
            long id = insertRole(c, r, false);
            audit.append(c, actor.event(AuditLog.Action.ROLE_CHANGED, null, "created role '" + r.code() + "' permissions " + sorted(r.permissions())));
            return role(c, id);
        });
        onChange.run();
        return saved;
    }

    static long insertRole(Connection c, Dto.Role r, boolean builtIn) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO security.role (code, name_zh, name_en, description, built_in) "
                + "VALUES (?,?,?,?,?) RETURNING id")) {
            ps.setString(1, r.code());
            ps.setString(2, r.nameZh());
            ps.setString(3, r.nameEn());
            ps.setString(4, r.description());
            ps.setBoolean(5, builtIn);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        setPermissions(c, id, r.permissions());
        return id;
    }

    static void setPermissions(Connection c, long roleId, List<String> permissions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM security.role_permission WHERE role_id = ?")) {
            ps.setLong(1, roleId);
            ps.executeUpdate();
        }
        if (permissions == null || permissions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO security.role_permission (role_id, permission) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (String p : new LinkedHashSet<>(permissions)) {
                ps.setLong(1, roleId);
                ps.setString(2, p);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    Dto.Role updateRole(long id, Dto.Role r, Actor actor) {
        validate(r);
        Dto.Role saved = db.tx(c -> {
            Dto.Role old = role(c, id);
            if (Boolean.TRUE.equals(old.builtIn())) {
                throw ProblemException.conflict("'" + old.code() + "' is a built-in role and cannot be changed; create a new role instead");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE security.role SET code = ?, name_zh = ?, name_en = ?, description = ?, "
                    + "updated_at = now() WHERE id = ?")) {
                ps.setString(1, r.code());
                ps.setString(2, r.nameZh());
                ps.setString(3, r.nameEn());
                ps.setString(4, r.description());
                ps.setLong(5, id);
                ps.executeUpdate();
            }
            setPermissions(c, id, r.permissions());
            checkSecurityRolesOnlyParkWide(c);
            audit.append(c, actor.event(AuditLog.Action.ROLE_CHANGED, null, "changed role '" + r.code() + "' permissions "
                    + sorted(old.permissions()) + " -> " + sorted(r.permissions())));
            return role(c, id);
        });
        onChange.run();
        return saved;
    }

    void deleteRole(long id, Actor actor) {
        db.tx(c -> {
            Dto.Role old = role(c, id);
            if (Boolean.TRUE.equals(old.builtIn())) {
                throw ProblemException.conflict("'" + old.code() + "' is a built-in role and cannot be deleted");
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM security.role WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            audit.append(c, actor.event(AuditLog.Action.ROLE_CHANGED, null, "deleted role '" + old.code() + "'"));
            return null;
        });
        onChange.run();
    }

    /** Roles that administer security may only be held by park-wide users (enterprises and contractors must not manage accounts). */
    private static void checkSecurityRolesOnlyParkWide(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT u.username, r.code FROM security.user_account u "
                + "JOIN security.organisation o ON o.id = u.organisation_id JOIN security.user_role ur ON ur.user_id = u.id "
                + "JOIN security.role r ON r.id = ur.role_id JOIN security.role_permission rp ON rp.role_id = r.id "
                + "WHERE o.type IN ('ENTERPRISE', 'CONTRACTOR') AND (rp.permission = '*' OR rp.permission LIKE 'security:%') LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                throw ProblemException.conflict("Role '" + rs.getString(2) + "' would let user '" + rs.getString(1)
                        + "' of an enterprise or contractor administer security; security permissions are for park users only");
            }
        }
    }

    // ---------------------------------------------------------------- users

    Page<Dto.User> users(PageQuery page, String q, Long organisationId) {
        return db.tx(c -> {
            List<Object> args = new ArrayList<>();
            StringBuilder where = new StringBuilder(" WHERE TRUE");
            if (q != null && !q.isBlank()) {
                where.append(" AND (u.username ILIKE ? ESCAPE '\\' OR u.display_name ILIKE ? ESCAPE '\\')");
                String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                args.add(like);
                args.add(like);
            }
            if (organisationId != null) {
                where.append(" AND u.organisation_id = ?");
                args.add(organisationId);
            }
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM security.user_account u" + where)) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            StringBuilder order = new StringBuilder();
            for (PageQuery.Sort s : page.sort()) {
                String col = switch (s.field()) {
                    case "username" -> "lower(u.username)";
                    case "displayName" -> "u.display_name";
                    case "createdAt" -> "u.created_at";
                    default -> "u.last_login_at";
                };
                order.append(order.length() == 0 ? " ORDER BY " : ", ").append(col).append(s.ascending() ? " ASC" : " DESC");
            }
            order.append(order.length() == 0 ? " ORDER BY u.id" : ", u.id");
            List<Dto.User> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT u.* FROM security.user_account u" + where + order + " LIMIT ? OFFSET ?")) {
                int i = 0;
                for (; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                ps.setInt(i + 1, page.size());
                ps.setInt(i + 2, page.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(user(c, rs));
                    }
                }
            }
            return new Page<>(items, total, page.page(), page.size());
        });
    }

    Dto.User user(long id) {
        return db.tx(c -> user(c, id));
    }

    Dto.User user(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM security.user_account WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("user", id);
                }
                return user(c, rs);
            }
        }
    }

    private Dto.User user(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<String> roles = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.code FROM security.user_role ur JOIN security.role r ON r.id = ur.role_id "
                + "WHERE ur.user_id = ? ORDER BY r.code")) {
            ps.setLong(1, id);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    roles.add(r.getString(1));
                }
            }
        }
        return new Dto.User(id, rs.getString("username"), rs.getString("display_name"), rs.getLong("organisation_id"), roles,
                rs.getString("locale"), rs.getString("email"), rs.getString("phone"), rs.getBoolean("enabled"), rs.getBoolean("locked"),
                Db.instant(rs, "locked_until"), rs.getBoolean("must_change_password"), Db.instant(rs, "password_changed_at"),
                Db.instant(rs, "last_login_at"), Db.instant(rs, "created_at"),
                Sensitive.mobile(cipher.decrypt(rs.getBytes("mobile_enc"), MOBILE_COLUMN)),
                Sensitive.idCard(cipher.decrypt(rs.getBytes("id_card_enc"), ID_CARD_COLUMN)));
    }

    /** A masked value as GET returned it: keep what is stored. */
    static boolean unchanged(String value) {
        return value != null && value.indexOf('*') >= 0;
    }

    /** Mobile and 身份证号: 422 naming the field and what is wrong. Masked values pass (they mean "unchanged"). */
    static void validatePersonal(Dto.UserInput u, boolean create, Validation v) {
        String m = u.mobile();
        if (m != null && !m.isEmpty() && !(unchanged(m) && !create) && !Sensitive.isValidMobile(m.trim())) {
            v.add("mobile", "format", "mobile must be a mainland mobile number: 11 digits starting with 13 to 19 (e.g. 13812345678)");
        }
        String id = u.idCard();
        if (id == null || id.isEmpty() || (unchanged(id) && !create)) {
            return;
        }
        id = id.trim();
        if (!id.matches("\\d{17}[0-9Xx]")) {
            v.add("idCard", "format", "idCard must be 18 characters: 17 digits and a check character (0-9 or X)");
        } else if (!validBirthDate(id)) {
            v.add("idCard", "birthDate", "idCard: characters 7 to 14 must be a valid date of birth (yyyyMMdd)");
        } else if (!Sensitive.isValidIdCard(id)) {
            v.add("idCard", "checkCharacter", "idCard: the check character (18th) does not match the first 17 digits (GB 11643-1999); "
                    + "check the number for a typing error");
        }
    }

    private static boolean validBirthDate(String id) {
        try {
            java.time.LocalDate.parse(id.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** Writes mobile and 身份证号 encrypted; null or a masked value keeps the stored one (on create: none), "" removes it. */
    private void setPersonal(Connection c, long id, Dto.UserInput u) throws SQLException {
        setEncrypted(c, id, "mobile_enc", MOBILE_COLUMN, u.mobile(), false);
        setEncrypted(c, id, "id_card_enc", ID_CARD_COLUMN, u.idCard(), true);
    }

    private void setEncrypted(Connection c, long id, String column, String aad, String value, boolean upper) throws SQLException {
        if (value == null || unchanged(value)) {
            return;
        }
        String v = value.trim();
        try (PreparedStatement ps = c.prepareStatement("UPDATE security.user_account SET " + column + " = ? WHERE id = ?")) {
            ps.setBytes(1, v.isEmpty() ? null : cipher.encrypt(upper ? v.toUpperCase(java.util.Locale.ROOT) : v, aad));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static void validate(Dto.UserInput u, boolean create, Policy policy, Validation v) {
        v.required("username", u.username()).pattern("username", u.username(), USERNAME,
                "must be 3 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        v.maxLength("displayName", u.displayName(), 100);
        v.required("organisationId", u.organisationId());
        v.check(u.locale() == null || LOCALES.contains(u.locale()), "locale", "enum", "locale must be one of " + new TreeSet<>(LOCALES));
        v.maxLength("email", u.email(), 200).maxLength("phone", u.phone(), 50);
        validatePersonal(u, create, v);
        if (!create && u.password() != null) {
            v.add("password", "notAllowed", "change a password with POST /auth/password or reset it with POST /security/users/{id}/reset-password");
        }
        if (create && u.password() != null) {
            PasswordPolicy.check(v, "password", u.password(), u.username(), policy);
        }
    }

    /** Role ids for codes; unknown codes are a 422. Refuses security roles for non-park organisations. */
    private static List<Long> roleIds(Connection c, List<String> codes, long organisationId, Validation v) throws SQLException {
        List<Long> ids = new ArrayList<>();
        if (codes == null) {
            return ids;
        }
        OrganisationType type = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT type FROM security.organisation WHERE id = ?")) {
            ps.setLong(1, organisationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    type = OrganisationType.valueOf(rs.getString(1));
                } else {
                    v.add("organisationId", "exists", "organisation " + organisationId + " does not exist");
                }
            }
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            try (PreparedStatement ps = c.prepareStatement("SELECT r.id, bool_or(rp.permission = '*' OR rp.permission LIKE 'security:%') "
                    + "FROM security.role r LEFT JOIN security.role_permission rp ON rp.role_id = r.id WHERE r.code = ? GROUP BY r.id")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        v.add("roles[" + i + "]", "exists", "role '" + code + "' does not exist");
                        continue;
                    }
                    ids.add(rs.getLong(1));
                    if (rs.getBoolean(2) && type != null && !type.parkWide()) {
                        v.add("roles[" + i + "]", "scope", "role '" + code + "' administers security and is for park users only");
                    }
                }
            }
        }
        return ids;
    }

    private static void setRoles(Connection c, long userId, List<Long> roleIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM security.user_role WHERE user_id = ?")) {
            ps.setLong(1, userId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO security.user_role (user_id, role_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (Long r : roleIds) {
                ps.setLong(1, userId);
                ps.setLong(2, r);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Creates a user; without a password one is generated and returned once. The user must change it at first login. */
    Dto.UserWithPassword createUser(Dto.UserInput u, Actor actor, PasswordHasher hasher, Policy policy) {
        if (u == null) {
            throw ProblemException.badRequest("The request needs a JSON body");
        }
        Validation v = new Validation();
        validate(u, true, policy, v);
        v.throwIfInvalid();
        String temporary = u.password() == null ? hasher.randomPassword(16) : null;
        String hash = hasher.hash((u.password() == null ? temporary : u.password()).toCharArray());
        Dto.User saved = db.tx(c -> {
            List<Long> roles = roleIds(c, u.roles(), u.organisationId(), v);
            v.throwIfInvalid();
            long id = insertUser(c, u, hash, clock.instant());
            setPersonal(c, id, u);
            setRoles(c, id, roles);
            audit.append(c, actor.event(AuditLog.Action.USER_CHANGED, null, "created user " + id + " '" + u.username() + "' roles "
                    + sorted(u.roles()) + " organisation " + u.organisationId()));
            return user(c, id);
        });
        onChange.run();
        return new Dto.UserWithPassword(saved, temporary);
    }

    static long insertUser(Connection c, Dto.UserInput u, String hash, Instant now) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO security.user_account (username, display_name, organisation_id, locale, "
                + "email, phone, password_hash, password_changed_at, must_change_password, enabled) VALUES (?,?,?,?,?,?,?,?,true,?) RETURNING id")) {
            ps.setString(1, u.username());
            ps.setString(2, u.displayName());
            ps.setLong(3, u.organisationId());
            ps.setString(4, u.locale() == null ? "zh-CN" : u.locale());
            ps.setString(5, u.email());
            ps.setString(6, u.phone());
            ps.setString(7, hash);
            ps.setTimestamp(8, Db.ts(now));
            ps.setBoolean(9, u.enabled() == null || u.enabled());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO security.password_history (user_id, password_hash, changed_at) VALUES (?,?,?)")) {
            ps.setLong(1, id);
            ps.setString(2, hash);
            ps.setTimestamp(3, Db.ts(now));
            ps.executeUpdate();
        }
        return id;
    }

    Dto.User updateUser(long id, Dto.UserInput u, Actor actor, Policy policy, SessionRevoker revoker) {
        if (u == null) {
            throw ProblemException.badRequest("The request needs a JSON body");
        }
        Validation v = new Validation();
        validate(u, false, policy, v);
        v.throwIfInvalid();
        Dto.User saved = db.tx(c -> {
            Dto.User old = user(c, id);
            List<Long> roles = roleIds(c, u.roles() == null ? old.roles() : u.roles(), u.organisationId(), v);
            v.throwIfInvalid();
            boolean enabled = u.enabled() == null || u.enabled();
            try (PreparedStatement ps = c.prepareStatement("UPDATE security.user_account SET username = ?, display_name = ?, organisation_id = ?, "
                    + "locale = ?, email = ?, phone = ?, enabled = ?, updated_at = now() WHERE id = ?")) {
                ps.setString(1, u.username());
                ps.setString(2, u.displayName());
                ps.setLong(3, u.organisationId());
                ps.setString(4, u.locale() == null ? old.locale() : u.locale());
                ps.setString(5, u.email());
                ps.setString(6, u.phone());
                ps.setBoolean(7, enabled);
                ps.setLong(8, id);
                ps.executeUpdate();
            }
            setPersonal(c, id, u);
            setRoles(c, id, roles);
            if (!enabled) {
                revoker.revokeAll(c, id, null, "user disabled");
            }
            audit.append(c, actor.event(AuditLog.Action.USER_CHANGED, null, "changed user " + id + " '" + u.username() + "' roles "
                    + old.roles() + " -> " + sorted(u.roles() == null ? old.roles() : u.roles()) + " organisation " + u.organisationId()
                    + " enabled " + enabled));
            return user(c, id);
        });
        onChange.run();
        return saved;
    }

    void deleteUser(long id, Actor actor) {
        if (actor.subject() != null && actor.subject().userId() == id) {
            throw ProblemException.conflict("You cannot delete your own account");
        }
        db.tx(c -> {
            Dto.User old = user(c, id);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM security.user_account WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            audit.append(c, actor.event(AuditLog.Action.USER_CHANGED, null, "deleted user " + id + " '" + old.username() + "'"));
            return null;
        });
        onChange.run();
    }

    /** Administrative lock (revokes the user's sessions) or unlock (also clears an automatic lockout). */
    Dto.User setLocked(long id, boolean locked, Actor actor, SessionRevoker revoker) {
        if (locked && actor.subject() != null && actor.subject().userId() == id) {
            throw ProblemException.conflict("You cannot lock your own account");
        }
        Dto.User saved = db.tx(c -> {
            Dto.User old = user(c, id);
            try (PreparedStatement ps = c.prepareStatement("UPDATE security.user_account SET locked = ?, failed_logins = 0, "
                    + "locked_until = NULL, updated_at = now() WHERE id = ?")) {
                ps.setBoolean(1, locked);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            if (locked) {
                revoker.revokeAll(c, id, null, "user locked");
            }
            audit.append(c, actor.event(AuditLog.Action.USER_CHANGED, null, (locked ? "locked" : "unlocked") + " user " + id + " '" + old.username() + "'"));
            return user(c, id);
        });
        onChange.run();
        return saved;
    }

    /** Sets a generated temporary password the user must change at next login; revokes the user's sessions. */
    Dto.UserWithPassword resetPassword(long id, Actor actor, PasswordHasher hasher, SessionRevoker revoker) {
        String temporary = hasher.randomPassword(16);
        String hash = hasher.hash(temporary.toCharArray());
        Dto.User saved = db.tx(c -> {
            Dto.User old = user(c, id);
            Instant now = clock.instant();
            try (PreparedStatement ps = c.prepareStatement("UPDATE security.user_account SET password_hash = ?, password_changed_at = ?, "
                    + "must_change_password = true, failed_logins = 0, locked_until = NULL, updated_at = now() WHERE id = ?")) {
                ps.setString(1, hash);
                ps.setTimestamp(2, Db.ts(now));
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO security.password_history (user_id, password_hash, changed_at) VALUES (?,?,?)")) {
                ps.setLong(1, id);
                ps.setString(2, hash);
                ps.setTimestamp(3, Db.ts(now));
                ps.executeUpdate();
            }
            revoker.revokeAll(c, id, null, "password reset");
            audit.append(c, actor.event(AuditLog.Action.PASSWORD_RESET, null, "reset the password of user " + id + " '" + old.username() + "'"));
            return user(c, id);
        });
        onChange.run();
        return new Dto.UserWithPassword(saved, temporary);
    }

    /** Revokes sessions inside a directory transaction. */
    interface SessionRevoker {
        void revokeAll(Connection c, long userId, String exceptSession, String reason) throws SQLException;
    }

    static List<String> sorted(List<String> l) {
        return l == null ? List.of() : l.stream().sorted().toList();
    }

    static boolean exists(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }
}
