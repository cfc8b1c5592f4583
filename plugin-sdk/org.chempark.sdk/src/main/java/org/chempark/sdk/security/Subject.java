package org.chempark.sdk.security;

import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller of a request: a user of an organisation with the permissions of
 * its roles. Get it with {@link CurrentSubject#get()}.
 *
 * @param userId                user id ({@code 0} for the platform itself, see {@link #system(String)})
 * @param username              login name
 * @param organisationId        the user's organisation
 * @param organisationType      kind of organisation; decides the {@link DataScope}
 * @param enterpriseId          for an {@link OrganisationType#ENTERPRISE} user: the asset enterprise id of its
 *                              enterprise; otherwise null
 * @param grantedEnterpriseIds  for a {@link OrganisationType#CONTRACTOR}: the enterprises it works for; otherwise empty
 * @param roles                 role codes, e.g. {@code park-admin}
 * @param permissions           granted permissions; besides {@code module:action} a role may grant the patterns
 *                              {@code *} (everything), {@code module:*} and {@code *:action}; see {@link #implies}
 * @param locale                preferred language tag, e.g. {@code zh-CN}
 */
public record Subject(long userId, String username, long organisationId, OrganisationType organisationType,
        Long enterpriseId, Set<Long> grantedEnterpriseIds, Set<String> roles, Set<String> permissions, String locale) {

    /** The module whose permissions {@code *:action} patterns never grant; they must be granted by name. */
    public static final String SECURITY_MODULE = "security";

    public Subject {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(organisationType, "organisationType");
        grantedEnterpriseIds = Set.copyOf(grantedEnterpriseIds == null ? Set.of() : grantedEnterpriseIds);
        roles = Set.copyOf(roles == null ? Set.of() : roles);
        permissions = Set.copyOf(permissions == null ? Set.of() : permissions);
        locale = locale == null ? "zh-CN" : locale;
    }

    /** Whether one of the granted permissions implies {@code permission} ({@code module:action}). */
    public boolean hasPermission(String permission) {
        for (String grant : permissions) {
            if (implies(grant, permission)) {
                return true;
            }
        }
        return false;
    }

    /** This caller's data scope. */
    public DataScope dataScope() {
        return DataScope.of(this);
    }

    /**
     * Whether a granted permission (or pattern) implies a permission:
     * {@code *} implies everything; {@code asset:*} every action of {@code asset};
     * {@code *:read} the {@code read} action of every module and {@code *:*} every action of every module, except
     * those of {@value #SECURITY_MODULE}
     * (so "read everything" never lets anyone administer users); otherwise they must be equal.
     */
    public static boolean implies(String grant, String permission) {
        if (grant == null || permission == null) {
            return false;
        }
        if (grant.equals("*") || grant.equals(permission)) {
            return true;
        }
        int g = grant.indexOf(':');
        int p = permission.indexOf(':');
        if (g < 0 || p < 0) {
            return false;
        }
        String gm = grant.substring(0, g);
        String ga = grant.substring(g + 1);
        String pm = permission.substring(0, p);
        String pa = permission.substring(p + 1);
        if (gm.equals("*")) {
            return !pm.equals(SECURITY_MODULE) && (ga.equals("*") || ga.equals(pa));
        }
        return gm.equals(pm) && ga.equals("*");
    }

    /**
     * The platform itself, for background work that is not done on behalf of a user (a
     * scheduled import, a Camel route): park-wide, every permission. Run such work with
     * {@link SubjectHolder#runAs(Subject, java.util.concurrent.Callable)}.
     */
    public static Subject system(String name) {
        return new Subject(0, "system:" + name, 0, OrganisationType.PARK, null, Set.of(), Set.of(), Set.of("*"), "zh-CN");
    }
}
