package org.chempark.bridge.opcua.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.chempark.asset.AssetService;
import org.chempark.asset.Chemical;
import org.chempark.asset.Enterprise;
import org.chempark.asset.Equipment;
import org.chempark.asset.EquipmentType;
import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.Park;
import org.chempark.asset.PointType;
import org.chempark.asset.Unit;
import org.chempark.asset.UnitType;
import org.chempark.sdk.telemetry.AlarmInfo;
import org.chempark.sdk.telemetry.LiveValues;
import org.chempark.sdk.telemetry.Quality;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingHistory;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.api.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.api.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.api.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.client.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.security.DefaultTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryData;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadRawModifiedDetails;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server bridge against a real Milo client (R-A.2, R-X.1): browse Park → Enterprise →
 * Unit → Equipment → Point, read value/quality/source timestamp, AlarmState, HistoryRead raw,
 * rebuild after an asset change, login rules (anonymous off, hashed password, Basic256Sha256).
 */
class ParkServerTest {
    static final String PASSWORD = "Dcs-Reader-2026";
    @TempDir
    Path tmp;
    int port;
    final Assets assets = new Assets();
    final Live live = new Live();
    final History history = new History();
    ParkServer server;
    final List<OpcUaClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        live.latest.put("T101-LT-01", Reading.good("T101-LT-01", Instant.parse("2026-11-28T08:00:00.500Z"), 12.5, "opcua:dcs-1"));
        live.latest.put("T101-TT-01", new Reading("T101-TT-01", Instant.parse("2026-11-28T08:00:01Z"), 36.6, Quality.UNCERTAIN, "modbus:x"));
        server = new ParkServer(config(false), tmp.resolve("server"), assets, live, history);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (OpcUaClient c : clients) {
            c.disconnect().get(5, TimeUnit.SECONDS);
        }
        server.close();
    }

    private ServerConfig config(boolean anonymous) {
        String hash = PasswordHash.hash(PASSWORD);
        return new ServerConfig() {
            @Override public Class<? extends Annotation> annotationType() { return ServerConfig.class; }
            @Override public int port() { return port; }
            @Override public String bindAddress() { return "127.0.0.1"; }
            @Override public String hostname() { return "127.0.0.1"; }
            @Override public String[] securityPolicies() { return new String[] { "None", "Basic256Sha256" }; }
            @Override public String username() { return "thirdparty"; }
            @Override public String passwordHash() { return hash; }
            @Override public boolean anonymous() { return anonymous; }
            @Override public int updateIntervalMs() { return 200; }
            @Override public int historyLimit() { return 3; }
            @Override public boolean enabled() { return true; }
        };
    }

    private OpcUaClient connect(SecurityPolicy policy, IdentityProvider identity, KeyPair kp, X509Certificate cert) throws Exception {
        DefaultTrustListManager clientTrust = new DefaultTrustListManager(tmp.resolve("client-pki-" + clients.size()).toFile());
        clientTrust.addTrustedCertificate(server.certificate());
        OpcUaClient c = OpcUaClient.create("opc.tcp://127.0.0.1:" + port,
                eps -> eps.stream().filter(e -> e.getSecurityPolicyUri().equals(policy.getUri())).findFirst(),
                b -> {
                    b.setApplicationName(LocalizedText.english("third party")).setApplicationUri("urn:test:thirdparty")
                            .setIdentityProvider(identity).setRequestTimeout(uint(10_000))
                            .setCertificateValidator(new DefaultClientCertificateValidator(clientTrust));
                    if (kp != null) {
                        b.setKeyPair(kp).setCertificate(cert);
                    }
                    return b.build();
                });
        clients.add(c);
        c.connect().get(15, TimeUnit.SECONDS);
        return c;
    }

    private OpcUaClient login() throws Exception {
        return connect(SecurityPolicy.None, new UsernameProvider("thirdparty", PASSWORD), null, null);
    }

    private static List<ReferenceDescription> browse(OpcUaClient c, NodeId node) throws Exception {
        return List.of(c.browse(new BrowseDescription(node, BrowseDirection.Forward, Identifiers.HierarchicalReferences, true,
                uint(NodeClass.Object.getValue() | NodeClass.Variable.getValue()), uint(BrowseResultMask.All.getValue())))
                .get(10, TimeUnit.SECONDS).getReferences());
    }

    private static NodeId child(OpcUaClient c, NodeId parent, String browseName) throws Exception {
        return browse(c, parent).stream().filter(r -> r.getBrowseName().getName().equals(browseName)).findFirst()
                .orElseThrow(() -> new AssertionError(browseName + " not below " + parent))
                .getNodeId().toNodeId(c.getNamespaceTable()).orElseThrow();
    }

    private static NodeId ns(OpcUaClient c, String id) {
        return new NodeId(c.getNamespaceTable().getIndex(ParkNamespace.URI), id);
    }

    @Test
    void browsesParkEnterpriseUnitEquipmentPoint() throws Exception {
        OpcUaClient c = login();
        NodeId park = child(c, Identifiers.ObjectsFolder, "CP-01");
        NodeId ent = child(c, park, "E-001");
        NodeId unit = child(c, ent, "U-T101");
        NodeId eq = child(c, unit, "T101");
        List<ReferenceDescription> points = browse(c, eq);
        assertThat(points).extracting(r -> r.getBrowseName().getName()).containsExactlyInAnyOrder("T101-LT-01", "T101-TT-01");
        assertThat(points).extracting(r -> r.getDisplayName().getText()).contains("1#储罐液位");
        NodeId lt = child(c, eq, "T101-LT-01");
        assertThat(lt).isEqualTo(ns(c, "T101-LT-01"));
        assertThat(child(c, lt, "AlarmState")).isEqualTo(ns(c, "T101-LT-01/AlarmState"));
    }

    @Test
    void readsValueQualityAndSourceTimestamp() throws Exception {
        OpcUaClient c = login();
        DataValue lt = c.readValue(0, TimestampsToReturn.Both, ns(c, "T101-LT-01")).get(10, TimeUnit.SECONDS);
        assertThat(lt.getValue().getValue()).isEqualTo(12.5);
        assertThat(lt.getStatusCode().isGood()).isTrue();
        assertThat(lt.getSourceTime().getJavaInstant()).isEqualTo(Instant.parse("2026-11-28T08:00:00.500Z"));
        DataValue tt = c.readValue(0, TimestampsToReturn.Both, ns(c, "T101-TT-01")).get(10, TimeUnit.SECONDS);
        assertThat(tt.getStatusCode().isUncertain()).isTrue();

        // kept current from LiveValues
        live.latest.put("T101-LT-01", Reading.good("T101-LT-01", Instant.parse("2026-11-28T08:00:02Z"), 13.0, "opcua:dcs-1"));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Object v = null;
        while (System.nanoTime() < end && !Double.valueOf(13.0).equals(v)) {
            v = c.readValue(0, TimestampsToReturn.Both, ns(c, "T101-LT-01")).get(10, TimeUnit.SECONDS).getValue().getValue();
            Thread.sleep(100);
        }
        assertThat(v).isEqualTo(13.0);
        assertThat(live.calls.get()).as("values are polled in bulk, not per read").isLessThan(200);
    }

    @Test
    void showsAlarmState() throws Exception {
        OpcUaClient c = login();
        NodeId alarm = ns(c, "T101-LT-01/AlarmState");
        assertThat(c.readValue(0, TimestampsToReturn.Both, alarm).get().getValue().getValue()).isEqualTo("NORMAL");
        AlarmInfo hh = new AlarmInfo(7, "T101-LT-01", 31L, 21L, 11L, "HH", 1, "ACTIVE", 19.2, 18.0, Instant.now());
        server.alarm(hh);
        assertThat(c.readValue(0, TimestampsToReturn.Both, alarm).get().getValue().getValue()).isEqualTo("HH ACTIVE P1");
        server.alarm(new AlarmInfo(7, "T101-LT-01", 31L, 21L, 11L, "HH", 1, "CLEARED", 17.0, 18.0, hh.raisedAt()));
        assertThat(c.readValue(0, TimestampsToReturn.Both, alarm).get().getValue().getValue()).isEqualTo("NORMAL");
    }

    @Test
    void historyReadRaw() throws Exception {
        Instant t0 = Instant.parse("2026-11-28T07:00:00Z");
        for (int i = 0; i < 5; i++) {
            history.readings.add(Reading.good("T101-LT-01", t0.plusSeconds(i), 10 + i, "opcua:dcs-1"));
        }
        OpcUaClient c = login();
        ReadRawModifiedDetails details = new ReadRawModifiedDetails(false, new DateTime(t0.plusSeconds(1)),
                new DateTime(t0.plusSeconds(60)), uint(0), false);
        HistoryReadResponse resp = c.historyRead(details, TimestampsToReturn.Both, false,
                List.of(new HistoryReadValueId(ns(c, "T101-LT-01"), null, QualifiedName.NULL_VALUE, null))).get(10, TimeUnit.SECONDS);
        assertThat(resp.getResults()[0].getStatusCode().isGood()).isTrue();
        HistoryData data = (HistoryData) resp.getResults()[0].getHistoryData().decode(c.getStaticSerializationContext());
        // [t0+1, t0+60), at most historyLimit=3, oldest first
        assertThat(data.getDataValues()).extracting(d -> d.getValue().getValue()).containsExactly(11.0, 12.0, 13.0);
        assertThat(data.getDataValues()[0].getSourceTime().getJavaInstant()).isEqualTo(t0.plusSeconds(1));
    }

    @Test
    void rebuildsAfterAnAssetChange() throws Exception {
        OpcUaClient c = login();
        assets.points.add(new MonitoringPoint(33L, 41L, "T101-PT-01", "1#储罐压力", PointType.PRESSURE, "MPa", 0.0, 1.6, null, null,
                1.2, 1.4, null, null, 1, 21L, 11L));
        server.assetsChanged();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean found = false;
        while (!found && System.nanoTime() < end) {
            Thread.sleep(200);
            found = browse(c, ns(c, "equipment/T101")).stream().anyMatch(r -> r.getBrowseName().getName().equals("T101-PT-01"));
        }
        assertThat(found).isTrue();
    }

    @Test
    void anonymousIsRefusedAndWrongPasswordToo() {
        // anonymous is off by default: not even offered as a token policy
        assertThatThrownBy(() -> connect(SecurityPolicy.None, new AnonymousProvider(), null, null)).hasMessageContaining("anonymous");
        assertThatThrownBy(() -> connect(SecurityPolicy.None, new UsernameProvider("thirdparty", "nope"), null, null))
                .hasMessageContaining("Bad_");
    }

    @Test
    void basic256Sha256NeedsATrustedClientCertificate() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair kp = gen.generateKeyPair();
        X509Certificate cert = new SelfSignedCertificateBuilder(kp).setCommonName("third party").setApplicationUri("urn:test:thirdparty")
                .addDnsName("localhost").build();
        assertThatThrownBy(() -> connect(SecurityPolicy.Basic256Sha256, new UsernameProvider("thirdparty", PASSWORD), kp, cert));
        assertThat(server.trustList().getRejectedCertificates()).contains(cert);

        server.trustList().addTrustedCertificate(cert); // what an admin does: move it from pki/rejected to pki/trusted/certs
        OpcUaClient c = connect(SecurityPolicy.Basic256Sha256, new UsernameProvider("thirdparty", PASSWORD), kp, cert);
        assertThat(c.readValue(0, TimestampsToReturn.Both, ns(c, "T101-LT-01")).get().getValue().getValue()).isEqualTo(12.5);
    }

    @Test
    void passwordHashRoundTrip() {
        String h = PasswordHash.hash("x");
        assertThat(PasswordHash.verify("x", h)).isTrue();
        assertThat(PasswordHash.verify("y", h)).isFalse();
        assertThat(PasswordHash.verify("x", "plain")).isFalse();
        assertThat(h).startsWith("pbkdf2-sha256:210000:");
    }

    /** A small park: one enterprise, unit, tank and two points. */
    static final class Assets implements AssetService {
        final List<MonitoringPoint> points = new CopyOnWriteArrayList<>(List.of(
                new MonitoringPoint(31L, 41L, "T101-LT-01", "1#储罐液位", PointType.LEVEL, "m", 0.0, 20.0, 1.0, 2.0, 17.0, 18.0, null, null, 1, 21L, 11L),
                new MonitoringPoint(32L, 41L, "T101-TT-01", "1#储罐温度", PointType.TEMPERATURE, "°C", -20.0, 80.0, null, null, 40.0, 50.0, null, null, 1, 21L, 11L)));

        @Override public Optional<Park> park() {
            return Optional.of(new Park(1L, "CP-01", "示范化工园区", "Demo park", null, null, "local-metres", null, null, null, 1));
        }
        @Override public List<Enterprise> enterprises() {
            return List.of(new Enterprise(11L, "E-001", "示范石化有限公司", "91320000000000000X", "石化", null, null, null, null, 100, null, 1));
        }
        @Override public List<Unit> units() {
            return List.of(new Unit(21L, 11L, "U-T101", "罐区一", UnitType.STORAGE, 10, null, List.of(), 1));
        }
        @Override public Optional<Unit> unit(long id) {
            return units().stream().filter(u -> u.id() == id).findFirst();
        }
        @Override public List<Equipment> equipment() {
            return List.of(new Equipment(41L, 21L, "T101", "1#储罐", EquipmentType.TANK, 1000.0, null, null, null, 1));
        }
        @Override public List<MonitoringPoint> points() {
            return List.copyOf(points);
        }
        @Override public Optional<MonitoringPoint> pointByCode(String code) {
            return points.stream().filter(p -> p.code().equals(code)).findFirst();
        }
        @Override public List<Chemical> chemicals() {
            return List.of();
        }
    }

    static final class Live implements LiveValues {
        final Map<String, Reading> latest = new ConcurrentHashMap<>();
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        @Override public Optional<Reading> latest(String pointCode) {
            calls.incrementAndGet();
            return Optional.ofNullable(latest.get(pointCode));
        }
        @Override public Map<String, Reading> latest(Collection<String> codes) {
            calls.incrementAndGet();
            Map<String, Reading> out = new java.util.HashMap<>();
            codes.forEach(c -> {
                if (latest.containsKey(c)) {
                    out.put(c, latest.get(c));
                }
            });
            return out;
        }
        @Override public List<AlarmInfo> activeAlarms() {
            return List.of();
        }
    }

    static final class History implements ReadingHistory {
        final List<Reading> readings = new CopyOnWriteArrayList<>();

        @Override public List<Reading> raw(String code, Instant from, Instant to, int limit) {
            return readings.stream().filter(r -> r.pointId().equals(code) && !r.timestamp().isBefore(from) && r.timestamp().isBefore(to))
                    .limit(limit).toList();
        }
    }
}
