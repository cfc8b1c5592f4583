package org.chempark.report.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.chempark.sdk.rest.ProblemException;

/** Plain JDBC with one transaction per call: all or nothing. */
final class Db {
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;
    /** Work to run once the current transaction committed (events), per thread; null outside a transaction. */
    private static final ThreadLocal<List<Runnable>> AFTER_COMMIT = new ThreadLocal<>();

    Db(DataSource dataSource) {
        this.dataSource = dataSource;
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

    <T> T tx(Work<T> work) {
        boolean outer = AFTER_COMMIT.get() == null;
        if (outer) {
            AFTER_COMMIT.set(new ArrayList<>());
        }
        try {
            T result = txOnce(work);
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

    private <T> T txOnce(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    static <T> T one(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        List<T> l = list(c, sql, mapper, params);
        return l.isEmpty() ? null : l.get(0);
    }

    static long count(Connection c, String sql, Object... params) throws SQLException {
        Long n = one(c, sql, rs -> rs.getLong(1), params);
        return n == null ? 0 : n;
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql + " RETURNING id", params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof java.time.LocalDate d) {
                ps.setObject(i + 1, d);
            } else if (p instanceof java.time.Instant t) {
                ps.setObject(i + 1, java.sql.Timestamp.from(t));
            } else if (p instanceof String[] arr) {
                ps.setArray(i + 1, c.createArrayOf("text", arr));
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }

    static RuntimeException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String msg = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
        if (state.equals("23505")) {
            return ProblemException.conflict("A record with the same key already exists: " + msg);
        }
        if (state.equals("23503")) {
            return ProblemException.conflict("The record is still referenced by other records; remove those first");
        }
        if (state.startsWith("22") || state.equals("23514")) {
            return new ProblemException(422, "Validation failed", "A value is out of range: " + msg, List.of());
        }
        return new IllegalStateException("database unavailable: " + msg, e);
    }
}
