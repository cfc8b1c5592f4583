package org.chempark.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the simulated MQTT gateways send: the MQTT bridge's payload and credential formats. */
class MqttPayloadTest {

    @Test
    void payloadCarriesEveryPointWithTimestampValueAndQuality() throws Exception {
        DemoParkData park = new DemoParkData();
        ParkModel model = new ParkModel(park.points, park.units, Set.of(), 1);
        Instant ts = Instant.parse("2026-11-28T10:00:00.123Z");
        model.tick(ts);
        List<String> codes = List.of("E01-FT-1101", "E01-LT-1101");
        JsonNode root = new ObjectMapper().readTree(MqttPublishers.payload(codes, model, ts));
        assertThat(root.path("readings")).hasSize(2);
        JsonNode r = root.path("readings").get(0);
        assertThat(r.path("point").asText()).isEqualTo("E01-FT-1101");
        assertThat(r.path("ts").asText()).isEqualTo("2026-11-28T10:00:00.123Z");
        assertThat(r.path("value").asDouble()).isCloseTo(model.value("E01-FT-1101"), org.assertj.core.api.Assertions.within(1e-3));
        assertThat(r.path("quality").asText()).isEqualTo("GOOD");
        assertThat(MqttPublishers.topic("sim-E01-gw")).isEqualTo("chempark/v1/sim-E01-gw/readings");
    }

    @Test
    void secretHashIsPbkdf2OfTheSecret() {
        String secret = MqttPublishers.newSecret();
        assertThat(secret).hasSize(32);
        String[] parts = MqttPublishers.hash(secret).split("\\$");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        assertThat(Base64.getDecoder().decode(parts[3])).isEqualTo(MqttPublishers.pbkdf2(secret, salt, iterations));
        assertThat(Base64.getDecoder().decode(parts[3])).isNotEqualTo(MqttPublishers.pbkdf2(secret + "x", salt, iterations));
    }
}
