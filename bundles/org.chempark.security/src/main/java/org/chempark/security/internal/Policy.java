package org.chempark.security.internal;

import java.time.Duration;

/** The security policy in force (from {@link SecurityConfig}; {@link #defaults()} = 等保 2.0 level 3). */
record Policy(int minLength, int minClasses, int expiryDays, int history, int iterations, int lockoutAttempts,
        Duration lockout, Duration idleTimeout, Duration sessionLifetime, int maxSessions, Duration accessToken,
        int loginRatePerMinute) {

    Policy {
        if (iterations < PasswordHasher.MIN_ITERATIONS) {
            throw new IllegalArgumentException("password.iterations must be at least " + PasswordHasher.MIN_ITERATIONS);
        }
    }

    static Policy defaults() {
        return new Policy(10, 3, 90, 5, PasswordHasher.MIN_ITERATIONS, 5, Duration.ofMinutes(15), Duration.ofMinutes(30),
                Duration.ofHours(8), 3, Duration.ofMinutes(15), 10);
    }

    static Policy of(SecurityConfig c) {
        return new Policy(Math.max(8, c.password_minLength()), Math.min(4, Math.max(1, c.password_minClasses())),
                Math.max(0, c.password_expiryDays()), Math.max(0, c.password_history()),
                Math.max(PasswordHasher.MIN_ITERATIONS, c.password_iterations()), Math.max(1, c.lockout_attempts()),
                Duration.ofMinutes(Math.max(1, c.lockout_minutes())), Duration.ofMinutes(Math.max(1, c.session_idleMinutes())),
                Duration.ofHours(Math.max(1, c.session_hours())), Math.max(1, c.session_maxConcurrent()),
                Duration.ofMinutes(Math.max(1, c.token_accessMinutes())), Math.max(1, c.login_ratePerMinute()));
    }
}
