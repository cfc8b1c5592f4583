package org.chempark.sdk.security;

/** The kind of organisation a user belongs to; it decides the user's {@link DataScope}. */
public enum OrganisationType {
    /** 园区管委会: the park administration. Sees every enterprise. */
    PARK,
    /** 园区部门: a department of the park administration (safety, environment, emergency ...). Sees every enterprise. */
    DEPARTMENT,
    /** 企业: an enterprise in the park. Sees only its own records. */
    ENTERPRISE,
    /** 第三方单位: a contractor. Sees only the enterprises it was granted. */
    CONTRACTOR,
    /** 监管部门: a government authority (应急管理局 ...). Sees every enterprise. */
    AUTHORITY;

    /** Whether users of this kind see every enterprise (subject to their permissions). */
    public boolean parkWide() {
        return this == PARK || this == DEPARTMENT || this == AUTHORITY;
    }
}
