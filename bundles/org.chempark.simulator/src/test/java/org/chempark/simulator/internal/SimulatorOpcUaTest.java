package org.chempark.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.Test;

/** A real Milo client reads the simulated enterprise DCS over OPC UA: values, a stuck sensor, an outage (issue 4). */
class SimulatorOpcUaTest {

    @Test
    void clientReadsTheSimulatedDcsByPointCode() throws Exception {
        DemoParkData park = new DemoParkData();
        int base;
        try (ServerSocket s = new ServerSocket(0)) {
            base = s.getLocalPort();
        }
        List<SimDevice> all = Simulator.devices(park.enterprises, base, new TestAssets(park), true, 2);
        SimDevice dcs = all.stream().filter(d -> d.name().equals("E01-dcs")).findFirst().orElseThrow();
        assertThat(dcs.opcua()).isTrue();
        assertThat(all.stream().filter(SimDevice::opcua)).hasSize(2);
        ParkModel model = new ParkModel(park.points, park.units, Set.of(dcs.name()), 3);
        Instant t0 = Instant.now();
        model.tick(t0);
        try (OpcUaServers servers = new OpcUaServers("127.0.0.1", List.of(dcs))) {
            servers.update(model, t0);
            assertThat(servers.running()).containsEntry("E01-dcs", true);
            String url = OpcUaServers.url("127.0.0.1", dcs.port());
            OpcUaClient client = OpcUaClient.create(url);
            client.connect().get(20, TimeUnit.SECONDS);
            try {
                DataValue v = client.readValue(0, TimestampsToReturn.Both, NodeId.parse("ns=2;s=E01-LT-1101")).get(10, TimeUnit.SECONDS);
                assertThat(((Number) v.getValue().getValue()).doubleValue()).isCloseTo(model.value("E01-LT-1101"), within(1e-9));
                assertThat(v.getStatusCode().isGood()).isTrue();

                model.tick(t0.plusSeconds(60));
                servers.update(model, t0.plusSeconds(60));
                DataValue later = client.readValue(0, TimestampsToReturn.Both, NodeId.parse("ns=2;s=E01-LT-1101")).get(10, TimeUnit.SECONDS);
                assertThat(((Number) later.getValue().getValue()).doubleValue()).isCloseTo(model.value("E01-LT-1101"), within(1e-9))
                        .isNotEqualTo(((Number) v.getValue().getValue()).doubleValue());
            } finally {
                client.disconnect().get(10, TimeUnit.SECONDS);
            }

            model.start(new ParkModel.Request("OFFLINE", null, null, dcs.name(), 600L, null), t0.plusSeconds(60));
            servers.update(model, t0.plusSeconds(61));
            assertThat(servers.running()).containsEntry("E01-dcs", false);
            assertThatThrownBy(() -> OpcUaClient.create(url).connect().get(10, TimeUnit.SECONDS)).isInstanceOf(Exception.class);

            model.scenarios().forEach(s -> model.cancel(s.id()));
            servers.update(model, t0.plusSeconds(62));
            assertThat(servers.running()).containsEntry("E01-dcs", true);
            OpcUaClient again = OpcUaClient.create(url);
            again.connect().get(20, TimeUnit.SECONDS);
            again.disconnect().get(10, TimeUnit.SECONDS);
        }
    }
}
