package org.chempark.security.internal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Sliding one-minute window of login attempts per source address (in memory, per node). */
final class LoginRateLimiter {
    private static final long WINDOW_MS = 60_000;
    private final int perMinute;
    private final Clock clock;
    private final Map<String, Deque<Long>> attempts = new ConcurrentHashMap<>();

    LoginRateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Records an attempt; false when the address already made {@code perMinute} in the last minute. */
    boolean tryAcquire(String source) {
        long now = clock.millis();
        if (attempts.size() > 10_000) {
            attempts.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast() < now - WINDOW_MS;
                }
            });
        }
        Deque<Long> q = attempts.computeIfAbsent(source == null ? "unknown" : source, k -> new ArrayDeque<>());
        synchronized (q) {
            while (!q.isEmpty() && q.peekFirst() <= now - WINDOW_MS) {
                q.pollFirst();
            }
            if (q.size() >= perMinute) {
                return false;
            }
            q.addLast(now);
            return true;
        }
    }

    /** Seconds until the address may try again. */
    long retryAfterSeconds(String source) {
        Deque<Long> q = attempts.get(source == null ? "unknown" : source);
        if (q == null) {
            return 0;
        }
        synchronized (q) {
            Long first = q.peekFirst();
            return first == null ? 0 : Math.max(1, (first + WINDOW_MS - clock.millis() + 999) / 1000);
        }
    }
}
