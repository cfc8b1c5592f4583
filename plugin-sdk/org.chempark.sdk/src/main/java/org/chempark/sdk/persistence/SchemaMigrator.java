package org.chempark.sdk.persistence;

/**
 * Runs a module's versioned SQL migrations into the module's own schema. Call it from the
 * module's activate before touching its tables.
 *
 * <p>Migrations are resources named {@code V<n>__<description>.sql} in a folder of the
 * module's bundle (e.g. {@code db/asset}). Each runs once, in version order, in its own
 * transaction, recorded with its checksum in {@code <schema>.schema_history}. An edited
 * migration that already ran stops the module with a clear error: released migrations are
 * never edited, new ones are added. Concurrent starts are serialised by an advisory lock.
 */
public interface SchemaMigrator {

    /**
     * @param schema      the module's schema (created when missing), e.g. {@code asset}
     * @param classLoader loads the migration resources (the module's bundle class loader)
     * @param folder      resource folder, e.g. {@code db/asset}
     * @param versions    the migration file names in the folder, e.g. {@code V1__init.sql}
     *                    (bundles cannot list resources portably, so the module names them)
     * @return the schema version after migrating
     * @throws MigrationException when a migration fails or was edited after it ran
     */
    int migrate(String schema, ClassLoader classLoader, String folder, String... versions);
}
