package org.chempark.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.chempark.bridge.modbus.internal.DevicePoller;
import org.chempark.bridge.modbus.internal.RegisterMap;
import org.chempark.sdk.telemetry.Reading;
import org.chempark.sdk.telemetry.ReadingSink;
import org.chempark.sdk.telemetry.SourceStatus.State;
import org.junit.jupiter.api.Test;

/**
 * The simulator's Modbus slaves read by the bridge's real j2mod master over TCP, exactly as it
 * reads plant equipment: values arrive, a leak shows at the detectors, a device taken offline
 * refuses connections and comes back (issue 4).
 */
class SimulatorModbusTest {

    static final class Sink implements ReadingSink {
        final List<List<Reading>> batches = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<IngestReceipt> submit(List<Reading> readings) {
            batches.add(readings);
            return CompletableFuture.completedFuture(new IngestReceipt(readings.size(), 0, 0));
        }

        @Override
        public void rejectPayload(String source, String reason, byte[] payload) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void bridgeReadsTheSimulatedGasControllerThroughLeakAndOutage() throws Exception {
        DemoParkData park = new DemoParkData();
        int base;
        try (ServerSocket s = new ServerSocket(0)) {
            base = s.getLocalPort();
        }
        List<SimDevice> all = Simulator.devices(park.enterprises, base, new TestAssets(park));
        assertThat(all).hasSize(28);
        SimDevice gds = all.get(0);
        assertThat(gds.name()).isEqualTo("E01-gds");
        List<SimDevice> devices = List.of(gds);
        ParkModel model = new ParkModel(park.points, park.units, java.util.Set.of(gds.name()), 7);
        Instant t0 = Instant.now();
        model.tick(t0);
        Sink sink = new Sink();
        try (ModbusServers servers = new ModbusServers(InetAddress.getLoopbackAddress(), devices)) {
            servers.update(model, t0);
            DevicePoller poller = new DevicePoller(new DevicePoller.Settings("sim-E01-gds", "127.0.0.1", gds.port(), SimDevice.UNIT_ID, 100, 500,
                    true, 125, 8, 1), RegisterMap.parse(gds.registerMap()), null, sink, Clock.systemUTC());
            try {
                List<Reading> r = poller.poll();
                assertThat(r).hasSize(gds.pointCodes().size());
                assertThat(poller.blocks()).hasSize(1);
                for (Reading x : r) {
                    assertThat(x.value()).as(x.pointId()).isCloseTo(model.value(x.pointId()), within(1e-4 * Math.max(1, Math.abs(x.value()))));
                }

                Scenario leak = model.start(new ParkModel.Request("LEAK", "E01-GT-1101", null, null, 600L, 60.0), t0);
                model.tick(t0.plusSeconds(60));
                servers.update(model, t0.plusSeconds(60));
                Reading src = poller.poll().stream().filter(x -> x.pointId().equals("E01-GT-1101")).findFirst().orElseThrow();
                assertThat(src.value()).isGreaterThan(60.0); // above HH (60 %LEL)
                model.cancel(leak.id());

                model.start(new ParkModel.Request("OFFLINE", null, null, gds.name(), 600L, null), t0.plusSeconds(60));
                servers.update(model, t0.plusSeconds(61));
                assertThat(servers.listening()).containsEntry(gds.name(), false);
                await(() -> {
                    poller.poll();
                    return poller.status().state() == State.OFFLINE;
                });
                model.scenarios().forEach(s -> model.cancel(s.id()));
                servers.update(model, t0.plusSeconds(62));
                await(() -> !poller.poll().isEmpty());
                assertThat(poller.status().state()).isEqualTo(State.ONLINE);
            } finally {
                poller.close();
            }
        }
    }

    static void await(BooleanSupplier c) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!c.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within 15 s");
            }
            Thread.sleep(50);
        }
    }
}
