package org.chempark.security.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.ProblemException;

/** Plain JDBC, one transaction per call, prepared statements only. */
final class Db {
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;

    Db(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} in one transaction: all or nothing. */
    <T> T tx(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    static RuntimeException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String msg = e.getMessage() == null ? "" : e.getMessage();
        switch (state) {
            case "23505": {
                String field = msg.contains("username") ? "username" : msg.contains("enterprise_id") ? "enterpriseId" : "code";
                return ProblemException.conflict("A record with the same " + field + " already exists",
                        new FieldError(field, "unique", field + " must be unique"));
            }
            case "23503":
                return ProblemException.conflict("The record is still referenced by other records; remove or change those first");
            case "23514":
            case "22001":
                return new ProblemException(422, "Validation failed", "A value is not allowed here", List.of());
            default:
                return new IllegalStateException("database error " + state + ": " + msg, e);
        }
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(java.sql.ResultSet rs, String column) throws SQLException {
        OffsetDateTime o = rs.getObject(column, OffsetDateTime.class);
        return o == null ? null : o.toInstant();
    }

    static Long longOrNull(java.sql.ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
