package org.chempark.sdk.security;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Holds the caller of the work the current thread does. The security bundle sets it for
 * every REST request and clears it when the response is written; modules read it through
 * {@link CurrentSubject}. Background work on behalf of a user (or of the platform, with
 * {@link Subject#system(String)}) sets it with {@link #runAs}.
 *
 * <p>It is a plain thread-local: work handed to another thread (an executor, an
 * {@code AsyncResponse}) must capture the subject and {@link #runAs} it there.
 */
public final class SubjectHolder {
    private static final ThreadLocal<Subject> CURRENT = new ThreadLocal<>();

    private SubjectHolder() {
    }

    /** Sets the caller of this thread's work (null clears it). Prefer {@link #runAs}. */
    public static void set(Subject subject) {
        if (subject == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(subject);
        }
    }

    public static void clear() {
        CURRENT.remove();
    }

    public static Optional<Subject> get() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code work} as {@code subject} and restores the previous caller afterwards. */
    public static <T> T runAs(Subject subject, Callable<T> work) throws Exception {
        Subject previous = CURRENT.get();
        set(subject);
        try {
            return work.call();
        } finally {
            set(previous);
        }
    }

    /** {@link #runAs(Subject, Callable)} for work without a result or checked exceptions. */
    public static void runAs(Subject subject, Runnable work) {
        Subject previous = CURRENT.get();
        set(subject);
        try {
            work.run();
        } finally {
            set(previous);
        }
    }
}
