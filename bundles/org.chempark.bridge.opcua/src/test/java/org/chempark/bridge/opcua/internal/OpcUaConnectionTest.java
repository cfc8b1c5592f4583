package org.chempark.bridge.opcua.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.chempark.sdk.telemetry.Quality;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.SourceStatus.State;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client bridge against a real Milo server in process (R-A.2, R-X.4): subscription and
 * readings, server restart (reconnect and resubscribe), Basic256Sha256 with username and with
 * certificate, wrong password and untrusted server certificate as OFFLINE with reason, browse.
 */
class OpcUaConnectionTest {
    @TempDir
    Path tmp;
    TestDcsServer dcs;
    ClientPki pki;
    CollectingSink sink = new CollectingSink();
    OpcUaConnection conn;

    @BeforeEach
    void start() throws Exception {
        dcs = new TestDcsServer(tmp.resolve("dcs"), 5, "operator", "s3cret!");
        dcs.start();
        pki = new ClientPki(tmp.resolve("client"));
    }

    @AfterEach
    void stop() throws Exception {
        if (conn != null) {
            conn.close();
        }
        dcs.close();
        pki.close();
    }

    private OpcUaConnection connect(Map<String, Object> extra) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("name", "dcs-1");
        p.put("endpointUrl", dcs.url());
        p.put("publishingInterval", 100);
        p.put("samplingInterval", 50);
        p.put("mapping", new String[] { "ns=2;s=P-00001=T101-LT-01", "ns=2;s=P-00002=T101-TT-01" });
        p.putAll(extra);
        conn = new OpcUaConnection(ClientSettings.from(OpcUaResource.config(p)), pki, sink);
        conn.start();
        return conn;
    }

    private static void await(String what, BooleanSupplier ok, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private Reading next(String point, double value) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            Reading r = sink.readings.poll(200, TimeUnit.MILLISECONDS);
            if (r != null && r.pointId().equals(point) && r.value() == value) {
                return r;
            }
        }
        throw new AssertionError("no reading " + point + "=" + value + " arrived");
    }

    @Test
    void subscribesAndHandsReadingsWithSourceTimestampAndQuality() throws Exception {
        connect(Map.of());
        await("ONLINE", () -> conn.status().state() == State.ONLINE, Duration.ofSeconds(20));
        assertThat(conn.monitoredItems()).isEqualTo(2);

        Instant measured = Instant.parse("2026-11-28T08:00:00.250Z");
        dcs.set(1, 42.5, new DateTime(measured));
        Reading r = next("T101-LT-01", 42.5);
        assertThat(r.timestamp()).isEqualTo(measured);
        assertThat(r.quality()).isEqualTo(Quality.GOOD);
        assertThat(r.source()).isEqualTo("opcua:dcs-1");

        dcs.setStatus(2, new StatusCode(StatusCodes.Bad_SensorFailure));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Reading bad = null;
        while (bad == null && System.nanoTime() < end) {
            Reading x = sink.readings.poll(200, TimeUnit.MILLISECONDS);
            if (x != null && x.pointId().equals("T101-TT-01") && x.quality() == Quality.BAD) {
                bad = x;
            }
        }
        assertThat(bad).as("BAD reading for a sensor failure").isNotNull();
        assertThat(bad.value()).isNaN();
        // P-00003 is not mapped: nothing of it reaches the sink
        dcs.set(3, 7.0, DateTime.now());
        Thread.sleep(500);
        assertThat(sink.readings).noneMatch(x -> x.value() == 7.0);
        assertThat(conn.status().readings()).isGreaterThanOrEqualTo(2);
        assertThat(conn.status().lastReading()).isNotNull();
    }

    @Test
    void autoMapsVariablesUnderAFolderByBrowseName() throws Exception {
        connect(Map.of("mapping", new String[0], "autoMapFolder", "ns=2;s=Points"));
        await("ONLINE", () -> conn.status().state() == State.ONLINE, Duration.ofSeconds(20));
        assertThat(conn.points()).hasSize(5).containsEntry(NodeId.parse("ns=2;s=P-00004"), "P-00004");
        assertThat(conn.monitoredItems()).isEqualTo(5);
        dcs.set(4, 3.25, DateTime.now());
        next("P-00004", 3.25);
    }

    @Test
    void reconnectsAndResubscribesAfterTheServerRestarts() throws Exception {
        connect(Map.of());
        await("ONLINE", () -> conn.status().state() == State.ONLINE, Duration.ofSeconds(20));
        dcs.set(1, 1.0, DateTime.now());
        next("T101-LT-01", 1.0);

        dcs.stop();
        await("OFFLINE after the server stopped", () -> conn.status().state() != State.ONLINE, Duration.ofSeconds(40));
        assertThat(conn.status().reason()).isNotBlank();

        dcs.start(); // a new server instance: the old session and subscription are gone
        await("ONLINE again", () -> conn.status().state() == State.ONLINE && conn.monitoredItems() == 2, Duration.ofSeconds(60));
        dcs.set(1, 2.0, DateTime.now());
        next("T101-LT-01", 2.0);
    }

    @Test
    void basic256Sha256WithUsername() throws Exception {
        dcs.trust(pki.certificate());
        pki.trust(dcs.certificate());
        connect(Map.of("securityPolicy", "Basic256Sha256", "messageMode", "SignAndEncrypt", "auth", "username",
                "username", "operator", "password", "s3cret!"));
        await("ONLINE", () -> conn.status().state() == State.ONLINE, Duration.ofSeconds(20));
        dcs.set(2, 99.0, DateTime.now());
        next("T101-TT-01", 99.0);
    }

    @Test
    void basic256Sha256WithCertificateIdentity() throws Exception {
        dcs.trust(pki.certificate());
        pki.trust(dcs.certificate());
        connect(Map.of("securityPolicy", "Basic256Sha256", "auth", "certificate"));
        await("ONLINE", () -> conn.status().state() == State.ONLINE, Duration.ofSeconds(20));
        dcs.set(1, 5.5, DateTime.now());
        next("T101-LT-01", 5.5);
    }

    @Test
    void wrongPasswordIsOfflineWithReason() throws Exception {
        dcs.trust(pki.certificate());
        pki.trust(dcs.certificate());
        connect(Map.of("securityPolicy", "Basic256Sha256", "auth", "username", "username", "operator", "password", "wrong"));
        await("OFFLINE", () -> conn.status().state() == State.OFFLINE, Duration.ofSeconds(20));
        assertThat(conn.status().reason()).containsAnyOf("Bad_UserAccessDenied", "Bad_IdentityTokenInvalid", "Bad_IdentityTokenRejected")
                .contains("retry in");
    }

    @Test
    void untrustedServerCertificateIsOfflineUnlessTrustedOnFirstUse() throws Exception {
        dcs.trust(pki.certificate());
        connect(Map.of("securityPolicy", "Basic256Sha256"));
        await("OFFLINE", () -> conn.status().state() == State.OFFLINE, Duration.ofSeconds(20));
        assertThat(conn.status().reason()).containsAnyOf("Bad_SecurityChecksFailed", "Bad_CertificateUntrusted");
        assertThat(pki.trustList().getRejectedCertificates()).contains(dcs.certificate());
        conn.close();

        connect(Map.of("securityPolicy", "Basic256Sha256", "trustFirstCertificate", true));
        await("ONLINE", () -> conn.status().state() == State.ONLINE, Duration.ofSeconds(20));
        assertThat(pki.trustList().getTrustedCertificates()).contains(dcs.certificate());
    }

    @Test
    void browsesTheAddressSpaceAndShowsTheMapping() throws Exception {
        connect(Map.of());
        await("ONLINE", () -> conn.status().state() == State.ONLINE, Duration.ofSeconds(20));
        assertThat(conn.browse(Identifiers.ObjectsFolder)).anyMatch(e -> e.nodeId().equals("ns=2;s=Points"));
        var points = conn.browse(NodeId.parse("ns=2;s=Points"));
        assertThat(points).hasSize(5);
        assertThat(points.get(0)).isEqualTo(new OpcUaConnection.BrowseEntry("ns=2;s=P-00001", "2:P-00001", "P-00001", "Variable",
                "T101-LT-01"));
        assertThat(points.get(2).point()).isNull();
    }

    @Test
    void disabledConnectionDoesNotConnect() throws Exception {
        connect(Map.of("enabled", false));
        Thread.sleep(300);
        assertThat(conn.status().state()).isEqualTo(State.DISABLED);
        assertThatThrownBy(() -> conn.browse(Identifiers.ObjectsFolder)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void invalidSettingsNameEveryField() {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("name", "bad name");
        p.put("endpointUrl", "http://x");
        p.put("securityPolicy", "Basic128");
        p.put("mapping", new String[] { "P-1" });
        assertThatThrownBy(() -> ClientSettings.from(OpcUaResource.config(p))).hasMessageContaining("name:")
                .hasMessageContaining("endpointUrl:").hasMessageContaining("securityPolicy:").hasMessageContaining("mapping[0]:");
    }
}
