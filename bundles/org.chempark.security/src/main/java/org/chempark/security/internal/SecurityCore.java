package org.chempark.security.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import org.chempark.sdk.module.ChemParkModule;
import org.chempark.sdk.module.ModuleDescriptor;
import org.chempark.sdk.module.Permission;
import org.chempark.sdk.persistence.SchemaMigrator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The security bundle's heart as a service: migrates the schema, bootstraps on first start,
 * and follows the installed modules so roles can be built from their permissions.
 */
@Component(service = SecurityCore.class, configurationPid = SecurityConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SecurityConfig.class)
public class SecurityCore {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityCore.class);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ChemParkModule> modules;

    private final Security security;

    @Activate
    public SecurityCore(@Reference(target = "(osgi.jndi.service.name=chempark)") DataSource dataSource,
            @Reference SchemaMigrator migrator, SecurityConfig config) {
        Path dir = Path.of(System.getProperty("karaf.data", "data"), "security");
        this.security = Security.start(dataSource, migrator, Policy.of(config), Clock.systemUTC(), dir);
        LOG.info("Security active: tokens {} min, sessions {} h (idle {} min, at most {} per user), lockout after {} failed logins",
                security.policy.accessToken().toMinutes(), security.policy.sessionLifetime().toHours(),
                security.policy.idleTimeout().toMinutes(), security.policy.maxSessions(), security.policy.lockoutAttempts());
    }

    Security security() {
        return security;
    }

    /** The audit log, for the shell command. */
    public AuditLog audit() {
        return security.audit;
    }

    /** Every permission the installed modules declare, sorted by id. */
    List<Dto.PermissionInfo> permissions() {
        List<Dto.PermissionInfo> list = new ArrayList<>();
        List<ChemParkModule> current = modules;
        if (current != null) {
            for (ChemParkModule m : current) {
                try {
                    ModuleDescriptor d = m.descriptor();
                    for (Permission p : d.permissions()) {
                        list.add(new Dto.PermissionInfo(p.id(), d.id(), p.nameZh(), p.nameEn()));
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Module {} failed to describe itself: {}", m.getClass().getName(), e.toString());
                }
            }
        }
        list.sort(Comparator.comparing(Dto.PermissionInfo::id));
        return list;
    }
}
