package org.chempark.security.internal;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import org.chempark.sdk.persistence.Jdbc;
import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.ProblemException;

/**
 * This module's JDBC access: the SDK's {@link Jdbc} (one transaction per call, prepared statements only), with a
 * duplicate named by the field a person typed (username, enterprise, code).
 */
final class Db extends Jdbc {
    Db(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected RuntimeException translateError(SQLException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if ("23505".equals(e.getSQLState())) {
            String field = msg.contains("username") ? "username" : msg.contains("enterprise_id") ? "enterpriseId" : "code";
            return ProblemException.conflict("A record with the same " + field + " already exists",
                    new FieldError(field, "unique", field + " must be unique"));
        }
        return Jdbc.translate(e);
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
