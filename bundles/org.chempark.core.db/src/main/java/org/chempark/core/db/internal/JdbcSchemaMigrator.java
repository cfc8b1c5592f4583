package org.chempark.core.db.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.chempark.sdk.persistence.MigrationException;
import org.chempark.sdk.persistence.SchemaMigrator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned SQL migrations, one history table per module schema. See {@link SchemaMigrator}.
 */
@Component(service = SchemaMigrator.class)
public class JdbcSchemaMigrator implements SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSchemaMigrator.class);
    private static final Pattern FILE = Pattern.compile("V([0-9]+)__([A-Za-z0-9_\\-]+)\\.sql");
    private static final Pattern SCHEMA = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final DataSource dataSource;

    @Activate
    public JdbcSchemaMigrator(@Reference(target = "(osgi.jndi.service.name=" + DatabaseManager.JNDI_NAME + ")") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    record Migration(int version, String description, String file, String sql, String checksum) {
    }

    @Override
    public int migrate(String schema, ClassLoader classLoader, String folder, String... files) {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new MigrationException("schema name '" + schema + "' must be lower case letters, digits and '_'");
        }
        List<Migration> migrations = load(classLoader, folder, files);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            long lockKey = ("chempark.migrate." + schema).hashCode();
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, lockKey);
                lock.execute();
            }
            try {
                return migrateLocked(c, schema, migrations);
            } finally {
                try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, lockKey);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("migrating schema '" + schema + "' failed: " + e.getMessage(), e);
        }
    }

    private int migrateLocked(Connection c, String schema, List<Migration> migrations) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            st.execute("CREATE TABLE IF NOT EXISTS " + schema + ".schema_history ("
                    + "version integer PRIMARY KEY, description text NOT NULL, file text NOT NULL, "
                    + "checksum text NOT NULL, installed_at timestamptz NOT NULL DEFAULT now(), execution_ms integer NOT NULL)");
        }
        Map<Integer, String> applied = new HashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version, checksum FROM " + schema + ".schema_history")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        int known = migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
        int newestApplied = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (newestApplied > known) {
            throw new MigrationException("schema '" + schema + "' is at version " + newestApplied
                    + ", newer than this module knows (" + known + "); install the newer module version");
        }
        int current = newestApplied;
        for (Migration m : migrations) {
            String checksum = applied.get(m.version());
            if (checksum != null) {
                if (!checksum.equals(m.checksum())) {
                    throw new MigrationException("migration " + m.file() + " of schema '" + schema
                            + "' was changed after it ran; released migrations must not be edited: add a new one");
                }
                continue;
            }
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL search_path TO " + schema + ", public");
                st.execute(m.sql());
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + schema
                        + ".schema_history (version, description, file, checksum, execution_ms) VALUES (?,?,?,?,?)")) {
                    ins.setInt(1, m.version());
                    ins.setString(2, m.description());
                    ins.setString(3, m.file());
                    ins.setString(4, m.checksum());
                    ins.setInt(5, (int) ((System.nanoTime() - t0) / 1_000_000));
                    ins.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw new MigrationException("migration " + m.file() + " of schema '" + schema + "' failed and was rolled back: "
                        + e.getMessage(), e);
            } finally {
                c.setAutoCommit(true);
            }
            current = m.version();
            LOG.info("Schema '{}' migrated to version {} ({})", schema, m.version(), m.description());
        }
        return current;
    }

    static List<Migration> load(ClassLoader classLoader, String folder, String... files) {
        List<Migration> list = new ArrayList<>();
        for (String f : files) {
            Matcher mm = FILE.matcher(f);
            if (!mm.matches()) {
                throw new MigrationException("migration file '" + f + "' must be named V<number>__<description>.sql");
            }
            String path = folder.endsWith("/") ? folder + f : folder + "/" + f;
            try (InputStream in = classLoader.getResourceAsStream(path)) {
                if (in == null) {
                    throw new MigrationException("migration resource '" + path + "' not found in the module's bundle");
                }
                byte[] bytes = in.readAllBytes();
                String sql = new String(bytes, StandardCharsets.UTF_8);
                list.add(new Migration(Integer.parseInt(mm.group(1)), mm.group(2).replace('_', ' '), f, sql, sha256(bytes)));
            } catch (IOException e) {
                throw new MigrationException("cannot read migration '" + path + "': " + e.getMessage(), e);
            }
        }
        list.sort((a, b) -> Integer.compare(a.version(), b.version()));
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i).version() == list.get(i - 1).version()) {
                throw new MigrationException("two migrations have version " + list.get(i).version());
            }
        }
        return list;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
