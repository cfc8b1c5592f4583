package org.chempark.report.internal;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.chempark.sdk.persistence.Jdbc;

/**
 * This module's JDBC access: the SDK's {@link Jdbc} (one transaction per call, problems for SQL errors), plus work
 * that runs once the outermost transaction committed (the module's events: never sent for a rolled-back change).
 */
final class Db extends Jdbc {
    /** Work to run once the current transaction committed, per thread; null outside a transaction. */
    private static final ThreadLocal<List<Runnable>> AFTER_COMMIT = new ThreadLocal<>();

    Db(DataSource dataSource) {
        super(dataSource);
    }

    /** Runs {@code r} after the current transaction commits (dropped if it rolls back); at once outside a transaction. */
    static void afterCommit(Runnable r) {
        List<Runnable> l = AFTER_COMMIT.get();
        if (l == null) {
            r.run();
        } else {
            l.add(r);
        }
    }

    @Override
    public <T> T tx(Work<T> work) {
        boolean outer = AFTER_COMMIT.get() == null;
        if (outer) {
            AFTER_COMMIT.set(new ArrayList<>());
        }
        try {
            T result = super.tx(work);
            if (outer) {
                List<Runnable> l = AFTER_COMMIT.get();
                AFTER_COMMIT.remove();
                l.forEach(Runnable::run);
            }
            return result;
        } finally {
            if (outer) {
                AFTER_COMMIT.remove();
            }
        }
    }
}
