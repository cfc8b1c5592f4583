package org.chempark.security.internal;

import java.time.Instant;

import org.chempark.sdk.security.Subject;

/** An authenticated session: the subject plus what only the security bundle needs. */
record Principal(Subject subject, String sessionId, String displayName, boolean mustChangePassword, Instant passwordExpiresAt) {
}
