package org.chempark.classification.internal;

import javax.sql.DataSource;

import org.chempark.sdk.persistence.Jdbc;

/** This module's JDBC access: the SDK's {@link Jdbc} (one transaction per call, problems for SQL errors). */
final class Db extends Jdbc {
    Db(DataSource dataSource) {
        super(dataSource);
    }
}
