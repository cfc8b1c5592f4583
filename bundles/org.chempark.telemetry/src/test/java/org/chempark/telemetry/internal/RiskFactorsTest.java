package org.chempark.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.chempark.sdk.risk.RiskFactor;
import org.junit.jupiter.api.Test;

/** The risk factor telemetry.active-alarms (R-F2.3 input): per enterprise and unit, shelved alarms excluded. */
class RiskFactorsTest {
    static Alarm alarm(long id, String point, long unit, long enterprise, String kind, Instant shelvedUntil) {
        return new Alarm(id, id, point, unit, enterprise, kind, 1, 1, 1, Instant.parse("2026-11-28T08:00:00Z"), true, null, null, null, null,
                null, shelvedUntil, shelvedUntil == null ? null : "op", null, 0);
    }

    @Test
    void countsActiveAlarmsPerEnterpriseAndUnitAndExplainsThePoints() {
        List<Alarm> active = List.of(alarm(1, "E01-GT-1101", 11, 1, "HH", null), alarm(2, "E01-GT-1102", 11, 1, "H", null),
                alarm(3, "E01-LT-1201", 12, 1, "H", null), alarm(4, "E01-PT-1301", 12, 1, "HH", Instant.parse("2026-11-29T00:00:00Z")),
                alarm(5, "E02-GT-2101", 21, 2, "HH", null));
        List<RiskFactor> f = AlarmEvents.factors(active, 1);
        assertThat(f).extracting(RiskFactor::unitId, RiskFactor::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(null, 3.0), org.assertj.core.groups.Tuple.tuple(11L, 2.0),
                org.assertj.core.groups.Tuple.tuple(12L, 1.0));
        assertThat(f.get(0).type()).isEqualTo("telemetry.active-alarms");
        assertThat(f.get(0).explanation()).isEqualTo("2 H: E01-GT-1102, E01-LT-1201; 1 HH: E01-GT-1101");
        assertThat(AlarmEvents.factors(active, 3)).singleElement().satisfies(r -> {
            assertThat(r.value()).isZero();
            assertThat(r.explanation()).isEqualTo("no active alarms");
        });
    }
}
