package org.chempark.bridge.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.chempark.bridge.modbus.internal.PointDef.WordOrder;
import org.chempark.sdk.telemetry.Quality;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.SourceStatus.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;

/** The bridge's j2mod master against a real j2mod TCP slave in this JVM (issue 4). */
class DevicePollerTest {
    private ModbusSlave slave;
    private DevicePoller poller;

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static SimpleProcessImage image(int unit) {
        SimpleProcessImage img = new SimpleProcessImage(unit);
        for (int i = 0; i < 20; i++) {
            img.addRegister(new SimpleRegister(0));
            img.addInputRegister(new SimpleInputRegister(0));
        }
        int[] f = Decoder.encode32(WordOrder.CDAB, Float.floatToIntBits(12.5f));
        img.setRegister(0, new SimpleRegister(f[0]));
        img.setRegister(1, new SimpleRegister(f[1]));
        img.setRegister(5, new SimpleRegister(0xFF38)); // int16 -200
        img.setInputRegister(3, new SimpleInputRegister(4215)); // uint16 42.15 with scale 0.01
        int[] i32 = Decoder.encode32(WordOrder.ABCD, 100_000);
        img.setInputRegister(10, new SimpleInputRegister(i32[0]));
        img.setInputRegister(11, new SimpleInputRegister(i32[1]));
        return img;
    }

    static ModbusSlave startSlave(int port, int unit) throws Exception {
        ModbusSlave s = ModbusSlaveFactory.createTCPSlave(port, 4);
        s.addProcessImage(unit, image(unit));
        s.open();
        return s;
    }

    DevicePoller poller(int port, int unit, CollectingSink sink) throws Exception {
        List<PointDef> points = RegisterMap.parse("""
                GT-1;holding;0;float32;CDAB;1;0
                TT-1;holding;5;int16;;0.5;10
                LT-1;input;3;uint16;;0.01;0
                FT-1;input;10;int32;ABCD;0.001;0
                """);
        return new DevicePoller(new DevicePoller.Settings("gds-1", "127.0.0.1", port, unit, 100, 300, true, 125, 8, 0), points, null,
                sink, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        if (poller != null) {
            poller.close();
        }
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
        }
    }

    @Test
    void readsScaledValuesInTwoRequests() throws Exception {
        int port = freePort();
        slave = startSlave(port, 3);
        CollectingSink sink = new CollectingSink();
        poller = poller(port, 3, sink);
        assertThat(poller.blocks()).hasSize(2);
        List<Reading> r = poller.poll();
        Map<String, Reading> byCode = r.stream().collect(Collectors.toMap(Reading::pointId, x -> x));
        assertThat(byCode.get("GT-1").value()).isCloseTo(12.5, within(1e-6));
        assertThat(byCode.get("TT-1").value()).isCloseTo(-90.0, within(1e-9));
        assertThat(byCode.get("LT-1").value()).isCloseTo(42.15, within(1e-9));
        assertThat(byCode.get("FT-1").value()).isCloseTo(100.0, within(1e-9));
        assertThat(r).allSatisfy(x -> {
            assertThat(x.quality()).isEqualTo(Quality.GOOD);
            assertThat(x.source()).isEqualTo("modbus:gds-1");
        });
        assertThat(sink.last()).isEqualTo(r);
        assertThat(poller.status().state()).isEqualTo(State.ONLINE);
        assertThat(poller.status().readings()).isEqualTo(4);
        assertThat(poller.stats().requests()).isEqualTo(2);
    }

    @Test
    void anExceptionAnswerMakesThosePointsBadButTheDeviceStaysOnline() throws Exception {
        int port = freePort();
        slave = startSlave(port, 1);
        CollectingSink sink = new CollectingSink();
        poller = new DevicePoller(new DevicePoller.Settings("gds-2", "127.0.0.1", port, 1, 100, 300, true, 125, 0, 0),
                RegisterMap.parse("A;holding;0;int16\nB;holding;500;int16"), null, sink, Clock.systemUTC());
        List<Reading> r = poller.poll();
        assertThat(r).extracting(Reading::pointId, Reading::quality).containsExactly(org.assertj.core.groups.Tuple.tuple("A", Quality.GOOD),
                org.assertj.core.groups.Tuple.tuple("B", Quality.BAD));
        assertThat(poller.status().state()).isEqualTo(State.ONLINE);
    }

    @Test
    void goesOfflineWithAReasonAndReconnectsByItself() throws Exception {
        int port = freePort();
        CollectingSink sink = new CollectingSink();
        poller = poller(port, 1, sink);
        // nobody listens yet
        assertThat(poller.poll()).isEmpty();
        assertThat(poller.status().state()).isEqualTo(State.OFFLINE);
        assertThat(poller.status().reason()).contains("connection refused");

        slave = startSlave(port, 1);
        await(() -> !poller.poll().isEmpty());
        assertThat(poller.status().state()).isEqualTo(State.ONLINE);
        assertThat(poller.status().reason()).isNull();

        ModbusSlaveFactory.close(slave);
        slave = null;
        await(() -> {
            poller.poll();
            return poller.status().state() == State.OFFLINE;
        });
        assertThat(poller.status().reason()).isNotBlank();
        assertThat(poller.status().lastReading()).isNotNull();

        slave = startSlave(port, 1);
        await(() -> !poller.poll().isEmpty());
        assertThat(poller.status().state()).isEqualTo(State.ONLINE);
    }

    @Test
    void aSilentPeerIsOfflineAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) { // accepts the connection, never answers
            CollectingSink sink = new CollectingSink();
            poller = poller(silent.getLocalPort(), 1, sink);
            assertThat(poller.poll()).isEmpty();
            assertThat(poller.status().state()).isEqualTo(State.OFFLINE);
            assertThat(poller.status().reason()).isNotBlank();
            assertThat(sink.batches).isEmpty();
        }
    }

    @Test
    void pollsOnTheSharedScheduler() throws Exception {
        int port = freePort();
        slave = startSlave(port, 1);
        CollectingSink sink = new CollectingSink();
        poller = poller(port, 1, sink);
        PollScheduler scheduler = new PollScheduler(2);
        try {
            var task = scheduler.everyMillis(poller::poll, 100);
            await(() -> sink.batches.size() >= 3);
            task.cancel(false);
        } finally {
            scheduler.close();
        }
        assertThat(sink.batches).allSatisfy(b -> assertThat(b).hasSize(4));
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 15 s");
            }
            Thread.sleep(50);
        }
    }
}
