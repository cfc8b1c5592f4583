package org.chempark.sdk.security;

import java.util.List;
import java.util.Optional;

import org.chempark.sdk.rest.ProblemException;

/**
 * Who is calling, for module code that does not see JAX-RS:
 *
 * <pre>
 * Subject me = CurrentSubject.get();          // 401 problem when nobody is logged in
 * CurrentSubject.require("hazard:approve");   // 403 problem when the caller lacks it
 * </pre>
 */
public final class CurrentSubject {
    private CurrentSubject() {
    }

    /** The caller; a 401 {@link ProblemException} when the thread works for nobody. */
    public static Subject get() {
        return SubjectHolder.get().orElseThrow(() -> new ProblemException(401, "Unauthorized",
                "Log in first: send 'Authorization: Bearer <access token>' (POST /api/v1/auth/login)", List.of()));
    }

    /** The caller, if any (a {@link PublicEndpoint} may be called without one). */
    public static Optional<Subject> find() {
        return SubjectHolder.get();
    }

    /** Whether the caller holds {@code permission}; false when there is no caller. */
    public static boolean hasPermission(String permission) {
        return SubjectHolder.get().map(s -> s.hasPermission(permission)).orElse(false);
    }

    /** Throws 401 without a caller and 403 when the caller lacks {@code permission}. */
    public static Subject require(String permission) {
        Subject s = get();
        if (!s.hasPermission(permission)) {
            throw forbidden("You need the permission '" + permission + "' for this; ask your administrator to grant a role with it");
        }
        return s;
    }

    static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of());
    }
}
