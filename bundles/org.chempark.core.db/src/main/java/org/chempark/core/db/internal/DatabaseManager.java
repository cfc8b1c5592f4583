package org.chempark.core.db.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the platform's PostgreSQL connection pool. In embedded mode it also starts and stops
 * the server. The pool is published as a {@link DataSource} service named
 * {@value #JNDI_NAME} once the database answers, so everything that needs the database
 * simply waits for that service. Starting happens off the activate thread (an embedded
 * first start unpacks binaries and runs initdb, a few seconds).
 */
@Component(immediate = true, configurationPid = DatabaseConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DatabaseConfig.class)
public class DatabaseManager {
    /** {@code osgi.jndi.service.name} of the platform DataSource. */
    public static final String JNDI_NAME = "chempark";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseManager.class);

    private final BundleContext context;
    private final ConfigurationAdmin configAdmin;
    private volatile DatabaseConfig config;
    private final ExecutorService starter = Executors.newSingleThreadExecutor(r -> new Thread(r, "chempark-db-start"));
    private volatile EmbeddedServer embedded;
    private volatile HikariDataSource pool;
    private volatile ServiceRegistration<DataSource> registration;
    private volatile boolean closing;

    @Activate
    public DatabaseManager(BundleContext context, @Reference ConfigurationAdmin configAdmin, DatabaseConfig config) {
        this.context = context;
        this.configAdmin = configAdmin;
        this.config = config;
        starter.execute(this::start);
    }

    private void start() {
        try {
            String url;
            String user;
            String password;
            if ("external".equalsIgnoreCase(config.mode())) {
                url = config.url();
                user = config.user();
                password = config.password();
                if (url == null || url.isBlank()) {
                    LOG.error("Database mode is 'external' but no url is set in etc/{}.cfg; set url, user and password", DatabaseConfig.PID);
                    return;
                }
                LOG.info("Using external PostgreSQL at {}", url);
            } else {
                String karafData = System.getProperty("karaf.data", "data");
                Path dataDir = config.embedded_dataDir() == null || config.embedded_dataDir().isBlank()
                        ? Path.of(karafData, "postgresql") : Path.of(config.embedded_dataDir());
                long t0 = System.nanoTime();
                embedded = EmbeddedServer.start(dataDir, Path.of(karafData, "postgresql-bin"), config.embedded_port());
                LOG.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", embedded.port(), dataDir,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                recordPort(embedded.port());
                url = embedded.jdbcUrl();
                user = embedded.user();
                password = "";
            }
            pool = createPool(url, user, password, config.pool_maxSize());
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("osgi.jndi.service.name", JNDI_NAME);
            props.put("dataSourceName", JNDI_NAME);
            props.put("chempark.db.mode", config.mode());
            props.put("chempark.db.url", url);
            if (!closing) {
                registration = context.registerService(DataSource.class, pool, props);
            }
        } catch (java.sql.SQLException | IOException e) {
            LOG.error("The database could not be started: {}. Check etc/{}.cfg and the log above.", e.getMessage(), DatabaseConfig.PID);
            LOG.debug("Database start failure", e);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("The database could not be started (unexpected)", e);
        }
    }

    static HikariDataSource createPool(String url, String user, String password, int maxSize) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setUser(user);
        if (password != null && !password.isEmpty()) {
            pg.setPassword(password);
        }
        pg.setApplicationName("chempark");
        pg.setReWriteBatchedInserts(true);
        HikariConfig hc = new HikariConfig();
        hc.setDataSource(pg);
        hc.setPoolName("chempark");
        hc.setMaximumPoolSize(maxSize);
        hc.setMinimumIdle(2);
        hc.setConnectionTimeout(10_000);
        hc.setInitializationFailTimeout(30_000);
        return new HikariDataSource(hc);
    }

    /** Records the port an embedded server picked so tools and later starts use the same one. */
    private void recordPort(int port) {
        if (config.embedded_port() == port) {
            return;
        }
        try {
            Configuration c = configAdmin.getConfiguration(DatabaseConfig.PID, "?");
            Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
            props.put("embedded.port", Integer.toString(port));
            // updating re-activates this component, which then starts on the recorded port
            c.updateIfDifferent(props);
        } catch (IOException e) {
            LOG.warn("Could not record the embedded PostgreSQL port {} in etc/{}.cfg: {}", port, DatabaseConfig.PID, e.getMessage());
        }
    }

    /**
     * Recording the picked port changes the configuration too; that must not restart the
     * server. Any other change (mode, url, credentials, pool size) restarts the pool.
     */
    @Modified
    void modified(DatabaseConfig newConfig) {
        DatabaseConfig old = this.config;
        boolean onlyPortRecorded = old.mode().equals(newConfig.mode()) && old.url().equals(newConfig.url())
                && old.user().equals(newConfig.user()) && old.password().equals(newConfig.password())
                && old.pool_maxSize() == newConfig.pool_maxSize()
                && old.embedded_dataDir().equals(newConfig.embedded_dataDir())
                && (embedded != null && newConfig.embedded_port() == embedded.port());
        this.config = newConfig;
        if (!onlyPortRecorded) {
            LOG.info("Database configuration changed; reconnecting");
            starter.execute(() -> {
                stopAll();
                start();
            });
        }
    }

    @Deactivate
    void deactivate() {
        closing = true;
        starter.execute(this::stopAll);
        starter.shutdown();
        try {
            if (!starter.awaitTermination(120, TimeUnit.SECONDS)) {
                LOG.warn("Database did not stop within 120 s of shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopAll() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // bundle stopping
            }
            registration = null;
        }
        if (pool != null) {
            pool.close();
            pool = null;
        }
        if (embedded != null) {
            try {
                embedded.close();
                embedded = null;
                LOG.info("Embedded PostgreSQL stopped");
            } catch (IOException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
    }
}
