package org.chempark.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.chempark.sdk.persistence.Jdbc;
import org.chempark.sdk.rest.ProblemException;
import org.junit.jupiter.api.Test;

/** SQL errors of a module's JDBC access become problems, never a 500 (the brief: bad input gets a clear error). */
class JdbcTest {
    private static SQLException sql(String state, String message) {
        return new SQLException(message + "\n  Detail: more", state);
    }

    @Test
    void constraintViolationsAndBadValuesBecomeConflictsAndValidationProblems() {
        ProblemException dup = (ProblemException) Jdbc.translate(sql("23505", "duplicate key value violates unique constraint \"x_code_key\""));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.detail()).contains("already exists").contains("x_code_key").doesNotContain("Detail");
        assertThat(((ProblemException) Jdbc.translate(sql("23503", "violates foreign key constraint"))).status()).isEqualTo(409);
        assertThat(((ProblemException) Jdbc.translate(sql("40001", "could not serialize access"))).status()).isEqualTo(409);
        // every value the column cannot take: check constraint, too long, out of range, not a number, bad date
        for (String state : new String[] { "23514", "22001", "22003", "22P02", "22007", "22008" }) {
            ProblemException p = (ProblemException) Jdbc.translate(sql(state, "bad value"));
            assertThat(p.status()).as(state).isEqualTo(422);
            assertThat(p.detail()).contains("bad value");
        }
        assertThat(Jdbc.translate(sql("08006", "connection failure"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("08006");
    }

    @Test
    void aModuleNamesItsOwnFieldsThroughTranslateError() {
        DataSource failing = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
                (proxy, method, args) -> {
                    throw sql("23505", "duplicate key value violates unique constraint \"user_username_key\"");
                });
        Jdbc plain = new Jdbc(failing);
        assertThatThrownBy(() -> plain.tx(c -> 1)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("id"));
        Jdbc module = new Jdbc(failing) {
            @Override
            protected RuntimeException translateError(SQLException e) {
                return ProblemException.conflict("A user with this username exists", new org.chempark.sdk.rest.FieldError("username", "unique",
                        "username must be unique"));
            }
        };
        assertThatThrownBy(() -> module.tx(c -> 1)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("username"));
        assertThat(module.dataSource()).isSameAs(failing);
    }
}
