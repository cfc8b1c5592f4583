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
 * SQL errors translated to problems (constraint violations become 409/422). Modules extend or instantiate it.
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
            throw translate(e);
        }
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
            case "23514", "22001", "22003", "22P02" -> new ProblemException(422, "Validation failed", "A value is out of range: " + msg,
                    List.of());
            case "40001", "40P01" -> ProblemException.conflict("Someone else changed the same records at the same time; try again");
            default -> new IllegalStateException("database error " + state + ": " + msg, e);
        };
    }
}
