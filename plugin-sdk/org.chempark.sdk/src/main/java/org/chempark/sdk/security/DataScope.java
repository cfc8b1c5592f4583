package org.chempark.sdk.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.chempark.sdk.rest.ProblemException;

/**
 * Which enterprises' records the caller may see: the one data-scoping rule every module's
 * queries go through. Permissions say <em>what</em> a caller may do ({@code asset:read});
 * the data scope says <em>on whose records</em>:
 *
 * <ul>
 * <li>park administration, its departments and authorities: every enterprise ({@link #unrestricted()});</li>
 * <li>an enterprise user: only its own enterprise;</li>
 * <li>a contractor: only the enterprises it was granted;</li>
 * <li>no caller at all (a thread nobody set a subject for): nothing.</li>
 * </ul>
 *
 * Enterprises are identified by the asset model's enterprise id. Usage in a module:
 *
 * <pre>
 * // lists: filter in the query
 * DataScope scope = DataScope.current();
 * String where = scope.sqlPredicate("u.enterprise_id");   // "TRUE", "FALSE" or "u.enterprise_id IN (3,7)"
 * // or with JPA / your own SQL:
 * scope.enterpriseFilter().ifPresent(ids -&gt; query.setParameter("ids", ids));
 *
 * // one record: after loading it, before returning or changing it
 * DataScope.requireEnterprise(unit.enterpriseId());         // 404 when outside the scope
 *
 * // park-level data only park staff may change (the park record, the catalog)
 * DataScope.requireParkWide();                              // 403 for enterprise and contractor users
 * </pre>
 *
 * A record outside the scope is answered with 404, exactly as if it did not exist, so a
 * caller cannot probe which ids exist.
 */
public final class DataScope {
    private static final DataScope ALL = new DataScope(true, Set.of());
    private static final DataScope NONE = new DataScope(false, Set.of());

    private final boolean unrestricted;
    private final Set<Long> enterpriseIds;

    private DataScope(boolean unrestricted, Set<Long> enterpriseIds) {
        this.unrestricted = unrestricted;
        this.enterpriseIds = Set.copyOf(enterpriseIds);
    }

    /** The scope of the current caller ({@link #none()} when there is none). */
    public static DataScope current() {
        return SubjectHolder.get().map(DataScope::of).orElse(NONE);
    }

    /** The scope of {@code subject}. */
    public static DataScope of(Subject subject) {
        if (subject == null) {
            return NONE;
        }
        OrganisationType t = subject.organisationType();
        if (t.parkWide()) {
            return ALL;
        }
        if (t == OrganisationType.ENTERPRISE) {
            return subject.enterpriseId() == null ? NONE : new DataScope(false, Set.of(subject.enterpriseId()));
        }
        return new DataScope(false, subject.grantedEnterpriseIds());
    }

    /** Every enterprise. */
    public static DataScope all() {
        return ALL;
    }

    /** No enterprise at all. */
    public static DataScope none() {
        return NONE;
    }

    /** Exactly these enterprises. */
    public static DataScope enterprises(Set<Long> ids) {
        return new DataScope(false, ids);
    }

    /** Whether the caller sees every enterprise. */
    public boolean unrestricted() {
        return unrestricted;
    }

    /**
     * The enterprise ids to filter a query by: empty when there is nothing to filter (every
     * enterprise is visible); otherwise the ids the caller may see (possibly none).
     */
    public Optional<Set<Long>> enterpriseFilter() {
        return unrestricted ? Optional.empty() : Optional.of(enterpriseIds);
    }

    /** Whether records of this enterprise are visible. A null id (a park-level record) is visible only park-wide. */
    public boolean allows(Long enterpriseId) {
        return unrestricted || (enterpriseId != null && enterpriseIds.contains(enterpriseId));
    }

    /**
     * An SQL/JPQL condition on {@code column} that keeps only visible rows: {@code TRUE},
     * {@code FALSE} or {@code column IN (1,2)}. Only numbers are inlined; {@code column}
     * must be a constant of your code, never user input.
     */
    public String sqlPredicate(String column) {
        if (unrestricted) {
            return "TRUE";
        }
        if (enterpriseIds.isEmpty()) {
            return "FALSE";
        }
        return column + " IN (" + new TreeSet<>(enterpriseIds).stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
    }

    /** 404 (as if it did not exist) when the caller may not see records of {@code enterpriseId}. */
    public void check(Long enterpriseId) {
        if (!allows(enterpriseId)) {
            throw new ProblemException(404, "Not found", "The record does not exist", List.of());
        }
    }

    /** {@link #check(Long)} against the current caller's scope. */
    public static void requireEnterprise(long enterpriseId) {
        current().check(enterpriseId);
    }

    /** 403 unless the current caller sees every enterprise (park-level data: the park, catalogs, settings). */
    public static void requireParkWide() {
        if (!current().unrestricted) {
            throw CurrentSubject.forbidden("Only park administration users may do this");
        }
    }

    @Override
    public String toString() {
        return unrestricted ? "DataScope[all]" : "DataScope" + new TreeSet<>(enterpriseIds);
    }
}
