package org.chempark.asset.internal;

import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.ProblemException;

/**
 * One transaction per call: all or nothing. Database constraint violations that slipped
 * past validation (a concurrent insert of the same code) become 409s naming the field.
 */
final class Tx {
    private final EntityManagerFactory emf;

    Tx(EntityManagerFactory emf) {
        this.emf = emf;
    }

    <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    <T> T write(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            em.flush();
            tx.commit();
            return result;
        } catch (OptimisticLockException e) {
            throw ProblemException.conflict("The record was changed by someone else meanwhile; reload it and apply your change again");
        } catch (PersistenceException e) {
            throw translate(e);
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    private static RuntimeException translate(PersistenceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                String msg = sql.getMessage() == null ? "" : sql.getMessage();
                if ("23505".equals(state)) {
                    String field = constraintField(msg);
                    return ProblemException.conflict("A record with the same " + field + " already exists",
                            new FieldError(field, "unique", field + " must be unique"));
                }
                if ("23503".equals(state)) {
                    return ProblemException.conflict("The record is still referenced by other records (" + firstLine(msg)
                            + "); remove those first");
                }
                if ("23514".equals(state) || "22003".equals(state) || "22001".equals(state)) {
                    return new ProblemException(422, "Validation failed", "A value is out of range: " + firstLine(msg),
                            java.util.List.of());
                }
            }
        }
        return e;
    }

    private static String constraintField(String msg) {
        if (msg.contains("credit_code")) {
            return "creditCode";
        }
        if (msg.contains("_cas")) {
            return "cas";
        }
        return "code";
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
