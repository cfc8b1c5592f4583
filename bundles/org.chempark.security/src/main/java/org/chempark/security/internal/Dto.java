package org.chempark.security.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.chempark.sdk.security.OrganisationType;

/** JSON shapes of the security REST API. */
public final class Dto {
    private Dto() {
    }

    public record LoginRequest(String username, String password) {
    }

    public record RefreshRequest(String refreshToken) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    /** Answer of login and refresh. {@code expiresIn} in seconds. */
    public record Tokens(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn,
            boolean mustChangePassword) {
    }

    /** {@code GET /auth/me}. {@code effectivePermissions}: the installed permissions the caller holds (for menus). */
    public record Me(long userId, String username, String displayName, long organisationId, String organisationName,
            OrganisationType organisationType, Long enterpriseId, Set<Long> grantedEnterpriseIds, Set<String> roles,
            Set<String> permissions, List<String> effectivePermissions, String locale, boolean mustChangePassword,
            Instant passwordExpiresAt) {
    }

    /** An organisation. {@code grantedEnterpriseIds}: for a contractor, the enterprises it works for. */
    public record Organisation(Long id, String code, String name, OrganisationType type, Long parentId, Long enterpriseId,
            List<Long> grantedEnterpriseIds, Boolean active) {
    }

    /** A role: a named bundle of permissions ({@code module:action}, or the patterns {@code *}, {@code module:*}, {@code *:action}). */
    public record Role(Long id, String code, String nameZh, String nameEn, String description, List<String> permissions,
            Boolean builtIn) {
    }

    /**
     * A user as shown. Passwords are never shown; {@code mobile} and {@code idCard} (身份证号) are
     * masked unless the caller holds {@code security:sensitive-read}. {@code phone} is the office
     * (landline) number and is not masked.
     */
    public record User(long id, String username, String displayName, long organisationId, List<String> roles, String locale,
            String email, String phone, boolean enabled, boolean locked, Instant lockedUntil, boolean mustChangePassword,
            Instant passwordChangedAt, Instant lastLoginAt, Instant createdAt, String mobile, String idCard) {
    }

    /**
     * A user as created or changed. {@code password} only on create (optional: without it a
     * temporary password is generated and returned once); change it with reset-password.
     * {@code mobile} (11 digits, 1[3-9]…) and {@code idCard} (18 characters, GB 11643 check
     * character) are optional; on a change, a masked value (containing {@code *}) as returned by
     * GET keeps the stored value, and an empty string removes it.
     */
    public record UserInput(String username, String displayName, Long organisationId, List<String> roles, String locale,
            String email, String phone, Boolean enabled, String password, String mobile, String idCard) {
        /** Without personal data. */
        public UserInput(String username, String displayName, Long organisationId, List<String> roles, String locale,
                String email, String phone, Boolean enabled, String password) {
            this(username, displayName, organisationId, roles, locale, email, phone, enabled, password, null, null);
        }
    }

    /** Answer of create user and reset password: the temporary password is shown this once. */
    public record UserWithPassword(User user, String temporaryPassword) {
    }

    /** One permission an installed module declares. */
    public record PermissionInfo(String id, String module, String nameZh, String nameEn) {
    }
}
