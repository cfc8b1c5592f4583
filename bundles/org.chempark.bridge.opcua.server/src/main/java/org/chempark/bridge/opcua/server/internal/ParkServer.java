package org.chempark.bridge.opcua.server.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.chempark.asset.AssetService;
import org.chempark.sdk.telemetry.AlarmInfo;
import org.chempark.sdk.telemetry.LiveValues;
import org.chempark.sdk.telemetry.ReadingHistory;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.api.config.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.Stack;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.server.EndpointConfiguration;
import org.eclipse.milo.opcua.stack.server.security.DefaultServerCertificateValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Milo server of the bridge, its certificate and trust list (under {@code dir}), the park
 * namespace, and the loop that keeps it current: latest values from {@link LiveValues} every
 * {@code updateIntervalMs} (one call for all points, never a query per OPC UA read), alarm
 * states from alarm events, the tree rebuilt after asset changes.
 */
final class ParkServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ParkServer.class);
    private static final char[] STORE_PASSWORD = "chempark".toCharArray();
    private static final String ALIAS = "chempark-opcua-server";
    /** A username token policy that encrypts the password with Basic256Sha256 even on a None endpoint. */
    static final UserTokenPolicy USERNAME_ENCRYPTED = new UserTokenPolicy("username_basic256sha256", UserTokenType.UserName, null, null,
            SecurityPolicy.Basic256Sha256.getUri());

    private final ServerConfig config;
    private final Path dir;
    private final AssetService assets;
    private final LiveValues live;
    private final ReadingHistory history;
    private final Map<Long, AlarmInfo> alarms = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Stack.sharedScheduledExecutor();
    private OpcUaServer server;
    private ParkNamespace namespace;
    private DefaultTrustListManager trust;
    private X509Certificate certificate;
    private ScheduledFuture<?> poller;
    private ScheduledFuture<?> pendingRebuild;
    private volatile boolean closed;

    ParkServer(ServerConfig config, Path dir, AssetService assets, LiveValues live, ReadingHistory history) {
        this.config = config;
        this.dir = dir;
        this.assets = assets;
        this.live = live;
        this.history = history;
    }

    X509Certificate certificate() {
        return certificate;
    }

    DefaultTrustListManager trustList() {
        return trust;
    }

    String hostname() {
        if (!config.hostname().isBlank()) {
            return config.hostname().trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    /** Endpoint URL of the server, e.g. {@code opc.tcp://host:4840}. */
    String url() {
        return "opc.tcp://" + hostname() + ":" + config.port();
    }

    synchronized void start() throws Exception {
        Files.createDirectories(dir);
        String host = hostname();
        String appUri = "urn:chempark:opcua:server:" + host;
        KeyPair kp = keyPair(host, appUri);
        trust = new DefaultTrustListManager(dir.resolve("pki").toFile());

        List<String> policies = Arrays.asList(config.securityPolicies());
        if (policies.stream().noneMatch(p -> p.equals("None") || p.equals("Basic256Sha256"))) {
            throw new IllegalArgumentException("securityPolicies: None and/or Basic256Sha256 (got " + policies + ")");
        }
        boolean userSet = !config.username().isBlank();
        if (userSet && !PasswordHash.wellFormed(config.passwordHash())) {
            throw new IllegalArgumentException("passwordHash: expected pbkdf2-sha256:<iterations>:<salt>:<hash> for user " + config.username());
        }
        List<UserTokenPolicy> tokens = new ArrayList<>();
        if (config.anonymous()) {
            tokens.add(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS);
        }
        if (userSet) {
            tokens.add(USERNAME_ENCRYPTED);
        }
        if (tokens.isEmpty()) {
            LOG.warn("OPC UA server: neither anonymous access nor a username is configured; nobody can log in");
            tokens.add(USERNAME_ENCRYPTED);
        }
        Set<EndpointConfiguration> endpoints = new LinkedHashSet<>();
        EndpointConfiguration.Builder base = EndpointConfiguration.newBuilder().setBindAddress(config.bindAddress())
                .setHostname(host).setPath("").setBindPort(config.port()).setCertificate(certificate)
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY).addTokenPolicies(tokens.toArray(UserTokenPolicy[]::new));
        if (policies.contains("None")) {
            endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None).build());
        } else {
            // discovery only (GetEndpoints); sessions still need a login, and anonymous is refused unless allowed
            endpoints.add(base.copy().setPath("/discovery").setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None).build());
        }
        if (policies.contains("Basic256Sha256")) {
            endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.Basic256Sha256).setSecurityMode(MessageSecurityMode.SignAndEncrypt).build());
        }
        String user = config.username().trim();
        String hash = config.passwordHash();
        OpcUaServerConfig sc = OpcUaServerConfig.builder()
                .setApplicationUri(appUri).setApplicationName(LocalizedText.english("ChemPark 化工园区 OPC UA"))
                .setProductUri("urn:chempark:opcua").setEndpoints(endpoints)
                .setBuildInfo(new BuildInfo("urn:chempark:opcua", "ChemPark", "ChemPark OPC UA server bridge", "0.1.0", "0", DateTime.now()))
                .setCertificateManager(new DefaultCertificateManager(kp, certificate))
                .setTrustListManager(trust).setCertificateValidator(new DefaultServerCertificateValidator(trust))
                .setIdentityValidator(new UsernameIdentityValidator(config.anonymous(),
                        c -> userSet && user.equals(c.getUsername()) && PasswordHash.verify(c.getPassword(), hash)))
                .build();
        server = new OpcUaServer(sc);
        namespace = new ParkNamespace(server, history, config.historyLimit());
        namespace.startup();
        server.startup().get(30, TimeUnit.SECONDS);
        rebuild();
        try {
            live.activeAlarms().forEach(a -> alarms.put(a.id(), a));
        } catch (RuntimeException e) {
            LOG.info("OPC UA server: active alarms not available yet ({})", e.toString());
        }
        showAlarms();
        poller = scheduler.scheduleWithFixedDelay(this::poll, 0, config.updateIntervalMs(), TimeUnit.MILLISECONDS);
        LOG.info("OPC UA server bridge listening on {}:{} ({}), anonymous {}, user {}", config.bindAddress(), config.port(), policies,
                config.anonymous() ? "allowed" : "refused", userSet ? user : "-");
    }

    private KeyPair keyPair(String host, String appUri) throws Exception {
        Path store = dir.resolve("server.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        if (Files.exists(store)) {
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, STORE_PASSWORD);
            }
        } else {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair kp = gen.generateKeyPair();
            SelfSignedCertificateBuilder b = new SelfSignedCertificateBuilder(kp).setCommonName("ChemPark OPC UA server")
                    .setOrganization("ChemPark").setCountryCode("CN").setApplicationUri(appUri).addDnsName(host)
                    .addDnsName("localhost").addIpAddress("127.0.0.1").setValidityPeriod(Period.ofYears(10));
            X509Certificate cert = b.build();
            ks.load(null, STORE_PASSWORD);
            ks.setKeyEntry(ALIAS, kp.getPrivate(), STORE_PASSWORD, new X509Certificate[] { cert });
            Path tmp = dir.resolve("server.p12.tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, STORE_PASSWORD);
            }
            Files.move(tmp, store, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("OPC UA server certificate created in {}", store);
        }
        certificate = (X509Certificate) ks.getCertificate(ALIAS);
        return new KeyPair(certificate.getPublicKey(), (PrivateKey) ks.getKey(ALIAS, STORE_PASSWORD));
    }

    /** Rebuilds the address space from the asset model now. */
    synchronized void rebuild() {
        if (closed || namespace == null) {
            return;
        }
        namespace.rebuild(new ParkNamespace.Model(assets.park().orElse(null), assets.enterprises(), assets.units(),
                assets.equipment(), assets.points()));
        poll();
        showAlarms();
    }

    /** Rebuilds a little later, once a burst of asset changes is over. */
    synchronized void assetsChanged() {
        if (closed) {
            return;
        }
        if (pendingRebuild != null) {
            pendingRebuild.cancel(false);
        }
        pendingRebuild = scheduler.schedule(() -> {
            try {
                rebuild();
            } catch (RuntimeException e) {
                LOG.warn("OPC UA server: address space not rebuilt: {}", e.toString());
            }
        }, 2, TimeUnit.SECONDS);
    }

    void alarm(AlarmInfo a) {
        if ("CLEARED".equals(a.state())) {
            alarms.remove(a.id());
        } else {
            alarms.put(a.id(), a);
        }
        showAlarms();
    }

    private void showAlarms() {
        ParkNamespace ns = namespace;
        if (ns != null) {
            ns.alarms(ns.pointCodes(), ParkNamespace.AlarmStates.of(alarms.values()));
        }
    }

    void poll() {
        ParkNamespace ns = namespace;
        if (ns == null || closed) {
            return;
        }
        try {
            ns.update(live.latest(ns.pointCodes()));
        } catch (RuntimeException e) {
            LOG.debug("OPC UA server: latest values not available: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() throws Exception {
        closed = true;
        if (poller != null) {
            poller.cancel(false);
        }
        if (pendingRebuild != null) {
            pendingRebuild.cancel(false);
        }
        if (server != null) {
            if (namespace != null) {
                namespace.shutdown();
            }
            server.shutdown().get(20, TimeUnit.SECONDS);
            server = null;
        }
        if (trust != null) {
            trust.close();
        }
    }
}
