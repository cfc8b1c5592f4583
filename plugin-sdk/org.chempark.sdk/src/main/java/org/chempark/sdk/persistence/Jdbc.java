package org.chempark.sdk.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.ProblemException;

/**
 * Plain JDBC for modules that do not use JPA: one transaction per call (all or nothing), small query helpers, and
 * SQL errors translated to problems (constraint violations become 409/422). Modules extend or instantiate it; a
 * module that can say more about its own constraints (which field must be unique) overrides
 * {@link #translateError(SQLException)}.
 */
public class Jdbc {
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} in one transaction: all or nothing. SQL errors become problems ({@link #translateError}). */
    public <T> T tx(Work<T> work) {
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
            throw translateError(e);
        }
    }

    /** The problem for an SQL error of {@link #tx}; by default {@link #translate(SQLException)}. */
    protected RuntimeException translateError(SQLException e) {
        return translate(e);
    }

    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    /** The first row, or null when there is none. */
    public static <T> T one(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        List<T> l = list(c, sql, mapper, params);
        return l.isEmpty() ? null : l.get(0);
    }

    /** The number in the first column of the first row ({@code SELECT count(*) ...}), 0 without a row. */
    public static long count(Connection c, String sql, Object... params) throws SQLException {
        Long n = one(c, sql, rs -> rs.getLong(1), params);
        return n == null ? 0 : n;
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    public static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql + " RETURNING id")) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof java.time.Instant t) {
                ps.setTimestamp(i + 1, java.sql.Timestamp.from(t));
            } else if (p instanceof java.time.LocalDate d) {
                ps.setObject(i + 1, d);
            } else if (p instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else if (p instanceof String[] texts) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("text", texts));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    public static Long longOrNull(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    public static java.time.Instant instant(ResultSet rs, String col) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    public static RuntimeException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return switch (state) {
            case "23505" -> ProblemException.conflict("A record with the same key already exists (" + msg + ")",
                    new FieldError("id", "unique", "must be unique"));
            case "23503" -> ProblemException.conflict("The record refers to, or is referred to by, another record: " + msg);
            case "40001", "40P01" -> ProblemException.conflict("Someone else changed the same records at the same time; try again");
            // 23514 a check constraint, 22xxx a value the column cannot take (too long, out of range, not a number, ...)
            default -> state.equals("23514") || state.startsWith("22")
                    ? new ProblemException(422, "Validation failed", "A value is out of range: " + msg, List.of())
                    : new IllegalStateException("database error " + state + ": " + msg, e);
        };
    }
}
