package org.chempark.bridge.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.chempark.bridge.mqtt.internal.PayloadParser.MalformedPayloadException;
import org.chempark.sdk.telemetry.Quality;
import org.chempark.sdk.telemetry.Reading;
import org.junit.jupiter.api.Test;

/** The payload schema of docs/mqtt.md (R-F3 telemetry ingest over MQTT). */
class PayloadParserTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private final PayloadParser parser = new PayloadParser();

    private List<Reading> parse(String json) throws MalformedPayloadException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), "mqtt:gw-1", NOW);
    }

    private void assertMalformed(String json, String reasonPart) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(MalformedPayloadException.class).hasMessageContaining(reasonPart);
    }

    @Test
    void batchWithAllFieldsAndDefaults() throws Exception {
        List<Reading> r = parse("""
                {"readings":[{"point":"E01-LT-1101","ts":"2026-11-28T10:00:00.123Z","value":3.42,"quality":"GOOD"},
                 {"point":"E01-PT-1102","value":7,"ts":1795860000000},
                 {"point":"E01-TT-1103","ts":"2026-11-28T18:00:00+08:00","value":-1.5e1,"quality":"uncertain","unit":"ignored"},
                 {"point":"E01-TT-1104","quality":"BAD"}]}""");
        assertThat(r).hasSize(4);
        assertThat(r.get(0)).isEqualTo(new Reading("E01-LT-1101", Instant.parse("2026-11-28T10:00:00.123Z"), 3.42, Quality.GOOD, "mqtt:gw-1"));
        assertThat(r.get(1).timestamp()).isEqualTo(Instant.ofEpochMilli(1795860000000L));
        assertThat(r.get(1).value()).isEqualTo(7.0);
        assertThat(r.get(2).timestamp()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(r.get(2).quality()).isEqualTo(Quality.UNCERTAIN);
        assertThat(r.get(2).value()).isEqualTo(-15.0);
        assertThat(r.get(3).quality()).isEqualTo(Quality.BAD);
        assertThat(r.get(3).value()).isNaN();
        assertThat(r.get(3).timestamp()).as("no ts: time received").isEqualTo(NOW);
    }

    @Test
    void singleReadingShorthand() throws Exception {
        assertThat(parse("{\"point\":\"P-1\",\"value\":1.5}"))
                .containsExactly(new Reading("P-1", NOW, 1.5, Quality.GOOD, "mqtt:gw-1"));
    }

    @Test
    void emptyBatchIsValid() throws Exception {
        assertThat(parse("{\"readings\":[]}")).isEmpty();
    }

    @Test
    void malformedPayloadsNameTheProblem() {
        assertMalformed("not json", "invalid JSON");
        assertMalformed("[1,2]", "not a JSON object");
        assertMalformed("{\"readings\":[{\"point\":\"P\",\"value\":1}]", "invalid JSON");
        assertMalformed("{\"readings\":[{\"point\":\"P\",\"value\":1}]} {}", "after the end");
        assertMalformed("{}", "neither");
        assertMalformed("{\"readings\":{}}", "must be an array");
        assertMalformed("{\"readings\":[{\"value\":1}]}", "readings[0].point is missing");
        assertMalformed("{\"readings\":[{\"point\":\"P\",\"value\":1},{\"point\":\"P\",\"value\":\"x\"}]}", "readings[1].value must be a number");
        assertMalformed("{\"readings\":[{\"point\":\"P\"}]}", "readings[0].value is missing");
        assertMalformed("{\"point\":\"P\",\"value\":1,\"ts\":\"yesterday\"}", "ts \"yesterday\" is not ISO-8601");
        assertMalformed("{\"point\":\"P\",\"value\":1,\"ts\":-5}", "epoch milliseconds");
        assertMalformed("{\"point\":\"P\",\"value\":1,\"quality\":\"FINE\"}", "quality must be GOOD, UNCERTAIN or BAD");
        assertMalformed("{\"point\":\"\",\"value\":1}", "point must have 1 to 128");
        assertMalformed("{\"point\":\"P\",\"value\":1,\"readings\":[]}", "both");
        assertMalformed("", "empty payload");
    }

    @Test
    void limits() throws Exception {
        StringBuilder sb = new StringBuilder("{\"readings\":[");
        for (int i = 0; i < PayloadParser.MAX_READINGS; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"point\":\"P").append(i).append("\",\"value\":").append(i).append('}');
        }
        String thousand = sb + "]}";
        assertThat(parse(thousand)).hasSize(PayloadParser.MAX_READINGS);
        assertMalformed(sb + ",{\"point\":\"X\",\"value\":1}]}", "more than 1000 readings");
        byte[] big = new byte[PayloadParser.MAX_BYTES + 1];
        assertThatThrownBy(() -> parser.parse(big, "mqtt:gw-1", NOW)).hasMessageContaining("more than the 262144");
    }
}
