package org.chempark.security.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One login for the consoles: the JAAS realm {@code karaf} (used by Karaf's SSH server, the
 * Felix web console at {@code /system/console} and JMX) with a rank above Karaf's own, so
 * Karaf uses this one. Its login modules are Karaf's own ({@code etc/users.properties}, SSH keys,
 * audit — kept so the local break-glass console account and other users of the realm such as
 * the MQTT broker keep working), then {@link ChemParkLoginModule}: a platform user holding
 * {@value #PERMISSION} gets the Karaf roles {@link #KARAF_ROLES}.
 */
@Component(service = JaasRealm.class, property = ConsoleRealm.MARKER + "=true")
public class ConsoleRealm implements JaasRealm {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRealm.class);
    static final String MARKER = "chempark.console.realm";
    static final String NAME = "karaf";
    static final String PERMISSION = SecurityModule.CONSOLE;
    /** The Karaf roles of a console user: full shell, web console and JMX access, SSH login. */
    static final List<String> KARAF_ROLES = List.of("admin", "manager", "viewer", "systembundles", "ssh");

    private final AuthService auth;
    private final long bundleId;
    private final BundleContext bundleContext;
    private final List<JaasRealm> others = new CopyOnWriteArrayList<>();

    @Activate
    public ConsoleRealm(@Reference SecurityCore core, BundleContext context) {
        this.auth = core.security().auth;
        this.bundleContext = context;
        this.bundleId = context.getBundle().getBundleId();
        LOG.info("Console realm '{}': platform users with '{}' may log in to the SSH and web consoles", NAME, PERMISSION);
    }

    /** Karaf's own realms (not this one). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(!(" + MARKER + "=true))")
    void addRealm(JaasRealm realm) {
        others.add(realm);
    }

    void removeRealm(JaasRealm realm) {
        others.remove(realm);
    }

    private JaasRealm karafDefault() {
        JaasRealm best = null;
        for (JaasRealm r : others) {
            if (NAME.equals(r.getName()) && (best == null || r.getRank() > best.getRank())) {
                best = r;
            }
        }
        return best;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        JaasRealm d = karafDefault();
        return d == null ? 1 : d.getRank() + 1;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        List<AppConfigurationEntry> entries = new ArrayList<>();
        JaasRealm d = karafDefault();
        if (d != null) {
            for (AppConfigurationEntry e : d.getEntries()) {
                entries.add(e);
            }
        }
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, ChemParkLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(bundleId));
        options.put(BundleContext.class.getName(), bundleContext);
        options.put(ChemParkLoginModule.AUTHENTICATOR, (ChemParkLoginModule.Authenticator) (u, p) -> auth.consoleLogin(u, p, "console", PERMISSION));
        entries.add(new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.SUFFICIENT, options));
        return entries.toArray(new AppConfigurationEntry[0]);
    }
}
