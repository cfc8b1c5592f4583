package org.chempark.report.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.chempark.asset.AssetService;
import org.chempark.asset.Enterprise;
import org.chempark.sdk.persistence.SchemaMigrator;
import org.chempark.sdk.risk.RiskFactor;
import org.chempark.sdk.risk.RiskFactorProvider;
import org.chempark.sdk.risk.RiskFactorType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the report schema, the two stores and the periodic sweep (expiry reminders, overdue hidden
 * dangers), and contributes the module's risk factors to the risk model and classification.
 */
@Component(service = { ReportServiceImpl.class, RiskFactorProvider.class }, configurationPid = ReportConfig.PID)
@Designate(ocd = ReportConfig.class)
public class ReportServiceImpl implements RiskFactorProvider {
    private static final Logger LOG = LoggerFactory.getLogger(ReportServiceImpl.class);
    static final String[] MIGRATIONS = { "V1__reports_and_hidden_dangers.sql" };

    static final RiskFactorType OPEN = new RiskFactorType("report.open-hidden-dangers", "未销号隐患数", "Open hidden dangers", "count");
    static final RiskFactorType MAJOR = new RiskFactorType("report.open-major-hidden-dangers", "未销号重大隐患数", "Open major hidden dangers", "count");
    static final RiskFactorType OVERDUE = new RiskFactorType("report.overdue-hidden-dangers", "超期未整改隐患数", "Overdue hidden dangers", "count");
    static final RiskFactorType EXPIRED = new RiskFactorType("report.expired-reports", "过期评价/评估报告数", "Expired assessment reports", "count");
    static final RiskFactorType MISSING = new RiskFactorType("report.missing-safety-assessment", "无有效安全评价报告", "No valid safety assessment report", "flag");

    final ReportStore reports;
    final HiddenDangerStore hiddenDangers;
    final Context ctx;
    private final ScheduledExecutorService executor;

    @Activate
    public ReportServiceImpl(@Reference SchemaMigrator migrator, @Reference(target = "(osgi.jndi.service.name=chempark)") DataSource dataSource,
            @Reference AssetService assets, @Reference EventAdmin eventAdmin, ReportConfig config) {
        this(migrator, dataSource, assetsOf(assets), (topic, props) -> eventAdmin.postEvent(new Event(topic, props)), config, Clock.systemDefaultZone(),
                true);
    }

    ReportServiceImpl(SchemaMigrator migrator, DataSource dataSource, Context.Assets assets,
            java.util.function.BiConsumer<String, Map<String, Object>> events, ReportConfig config, Clock clock, boolean schedule) {
        migrator.migrate("report", ReportServiceImpl.class.getClassLoader(), "db/report", MIGRATIONS);
        String dir = config.storage_dir() == null || config.storage_dir().isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "report", "files").toString() : config.storage_dir();
        FileStore files = new FileStore(Path.of(dir), Math.min(config.max_file_bytes(), ReportResource.MAX_UPLOAD_BYTES), Set.of(config.allowed_content_types()));
        this.ctx = new Context(new Db(dataSource), files, clock, assets, events, config.lead_days(), config.fuzzy_threshold());
        this.reports = new ReportStore(ctx);
        this.hiddenDangers = new HiddenDangerStore(ctx);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "chempark-report"));
        if (schedule) {
            executor.scheduleWithFixedDelay(this::sweepQuietly, 5, Math.max(60, config.sweep_minutes() * 60L), TimeUnit.SECONDS);
        }
    }

    static Context.Assets assetsOf(AssetService assets) {
        return new Context.Assets() {
            @Override
            public boolean enterpriseExists(long enterpriseId) {
                return assets.enterprises().stream().anyMatch(e -> e.id() == enterpriseId);
            }

            @Override
            public Optional<Long> unitEnterprise(long unitId) {
                return assets.unit(unitId).map(u -> u.enterpriseId());
            }

            @Override
            public Map<Long, String> enterpriseNames() {
                Map<Long, String> m = new LinkedHashMap<>();
                for (Enterprise e : assets.enterprises()) {
                    m.put(e.id(), e.name());
                }
                return m;
            }
        };
    }

    /** Expiry reminders and overdue detection; returns {reports whose state changed, newly overdue hidden dangers}. */
    Map<String, Integer> sweep() {
        Map<String, Integer> r = new LinkedHashMap<>();
        r.put("reportsChanged", reports.sweepExpiry());
        r.put("newlyOverdue", hiddenDangers.sweepOverdue());
        return r;
    }

    private void sweepQuietly() {
        try {
            Map<String, Integer> r = sweep();
            if (r.values().stream().anyMatch(n -> n > 0)) {
                LOG.info("Report sweep: {}", r);
            }
        } catch (RuntimeException e) {
            LOG.warn("Report sweep failed: {}", e.getMessage());
        }
    }

    @Override
    public List<RiskFactorType> types() {
        return List.of(OPEN, MAJOR, OVERDUE, EXPIRED, MISSING);
    }

    @Override
    public List<RiskFactor> factors(long enterpriseId) {
        long[] hd = hiddenDangers.counts(enterpriseId);
        record Rep(String type, String expiry) {
        }
        List<Rep> reps = ctx.db.tx(c -> Db.list(c, "SELECT type, valid_until FROM report.report WHERE enterprise_id = ?",
                rs -> new Rep(rs.getString(1), ReportStore.expiry(rs.getObject(2, java.time.LocalDate.class), ctx.today(), ctx.leadDays)),
                enterpriseId));
        long expired = reps.stream().filter(r -> r.expiry().equals("EXPIRED")).count();
        boolean validAssessment = reps.stream().anyMatch(r -> r.type().equals(Model.SAFETY_ASSESSMENT) && !r.expiry().equals("EXPIRED"));
        return List.of(
                new RiskFactor(OPEN.id(), enterpriseId, null, hd[0], hd[0] + " 项隐患未销号"),
                new RiskFactor(MAJOR.id(), enterpriseId, null, hd[1], hd[1] + " 项重大隐患未销号"),
                new RiskFactor(OVERDUE.id(), enterpriseId, null, hd[2], hd[2] + " 项隐患超过整改期限"),
                new RiskFactor(EXPIRED.id(), enterpriseId, null, expired, expired + " 份评价/评估报告已过期"),
                new RiskFactor(MISSING.id(), enterpriseId, null, validAssessment ? 0 : 1,
                        validAssessment ? "有有效的安全评价报告" : "无有效的安全评价报告备案"));
    }

    static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }
}
