package org.chempark.core.db.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.chempark.sdk.health.HealthIndicator;
import org.chempark.sdk.health.HealthStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reports whether PostgreSQL answers, how fast, and how busy the pool is. */
@Component(service = HealthIndicator.class, property = HealthIndicator.MODULE + "=core")
public class DatabaseHealth implements HealthIndicator {
    private final DataSource dataSource;

    @Activate
    public DatabaseHealth(@Reference(target = "(osgi.jndi.service.name=" + DatabaseManager.JNDI_NAME + ")") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthStatus check() {
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(2);
            String version;
            try (ResultSet rs = st.executeQuery("SHOW server_version")) {
                rs.next();
                version = rs.getString(1);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("latencyMs", Math.round((System.nanoTime() - t0) / 1e4) / 100.0);
            m.put("serverVersion", version);
            if (dataSource instanceof HikariDataSource h && h.getHikariPoolMXBean() != null) {
                HikariPoolMXBean pool = h.getHikariPoolMXBean();
                m.put("poolActive", pool.getActiveConnections());
                m.put("poolIdle", pool.getIdleConnections());
                m.put("poolWaiting", pool.getThreadsAwaitingConnection());
            }
            return HealthStatus.up("PostgreSQL " + version + " answers", m);
        } catch (Exception e) {
            return HealthStatus.down("PostgreSQL does not answer: " + e.getMessage());
        }
    }
}
