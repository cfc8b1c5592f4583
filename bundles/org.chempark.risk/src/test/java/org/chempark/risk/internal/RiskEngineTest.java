package org.chempark.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.chempark.risk.internal.Model.Colour;
import org.chempark.risk.internal.Model.Score;
import org.chempark.risk.internal.Model.Settings;
import org.chempark.sdk.risk.RiskFactor;
import org.junit.jupiter.api.Test;

/** The scoring rule and the validation of its configuration (R-F2.3). */
class RiskEngineTest {
    static final Settings DEFAULTS = Settings.parse(RiskService.defaults());
    static final Map<String, String> NAMES = Map.of("hazard.grade", "重大危险源等级", "telemetry.active-alarms", "未消除报警数");

    @Test
    void gradeAloneAndWithAlarmsGivesTheDocumentedColours() {
        // 一级 major hazard source (severity 4 × 7.5 = 30): 黄
        List<RiskFactor> grade = List.of(new RiskFactor("hazard.grade", 7, 101L, 4, "E07-U01 一级"));
        List<Score> s = RiskEngine.score(7, grade, NAMES, DEFAULTS, Instant.now());
        assertThat(s.get(0).unitId()).isNull();
        assertThat(s.get(0).score()).isEqualTo(30.0);
        assertThat(s.get(0).colour()).isEqualTo(Colour.YELLOW);
        // + one active alarm (20): 橙 50; + two: 红 70
        List<RiskFactor> one = List.of(grade.get(0), new RiskFactor("telemetry.active-alarms", 7, 101L, 1, "E07-PT-1 HH"));
        Score unit = RiskEngine.score(7, one, NAMES, DEFAULTS, Instant.now()).get(1);
        assertThat(unit.unitId()).isEqualTo(101L);
        assertThat(unit.score()).isEqualTo(50.0);
        assertThat(unit.colour()).isEqualTo(Colour.ORANGE);
        assertThat(unit.contributions()).extracting(c -> c.factor() + "=" + c.value() + "x" + c.weight() + "->" + c.points())
                .containsExactlyInAnyOrder("hazard.grade=4.0x7.5->30.0", "telemetry.active-alarms=1.0x20.0->20.0");
        assertThat(unit.summary()).contains("橙", "重大危险源等级 30.0", "未消除报警数 20.0");
        List<RiskFactor> two = List.of(grade.get(0), new RiskFactor("telemetry.active-alarms", 7, 101L, 2, "2 alarms"));
        assertThat(RiskEngine.score(7, two, NAMES, DEFAULTS, Instant.now()).get(0).colour()).isEqualTo(Colour.RED);
    }

    @Test
    void capsLimitAFactorAndTheEnterpriseTakesItsWorstSource() {
        List<RiskFactor> f = List.of(
                new RiskFactor("telemetry.active-alarms", 7, 101L, 10, "10 alarms"), // 200 points, capped at 60
                new RiskFactor("hazard.grade", 7, 102L, 1, "四级"),
                new RiskFactor("some.new-factor", 7, null, 3, "enterprise-wide")); // default weight 2 → 6
        List<Score> s = RiskEngine.score(7, f, NAMES, DEFAULTS, Instant.now());
        Score u101 = s.stream().filter(x -> Long.valueOf(101L).equals(x.unitId())).findFirst().orElseThrow();
        assertThat(u101.score()).isEqualTo(60.0); // 200 points capped at 60; enterprise-level factors stay out of a source's score
        assertThat(u101.colour()).isEqualTo(Colour.RED);
        assertThat(s.get(0).score()).isEqualTo(60.0);
        assertThat(s.get(0).summary()).startsWith("hazard source 101 decides");
        // an enterprise-level figure that is higher than every source decides the enterprise's score
        List<RiskFactor> wide = List.of(new RiskFactor("hazard.grade", 7, 102L, 1, "四级"),
                new RiskFactor("telemetry.active-alarms", 7, null, 2, "2 alarms on points without a unit"));
        List<Score> w = RiskEngine.score(7, wide, NAMES, DEFAULTS, Instant.now());
        assertThat(w.get(0).score()).isEqualTo(40.0);
        assertThat(w.get(0).colour()).isEqualTo(Colour.ORANGE);
        assertThat(w.get(1).score()).isEqualTo(7.5);
        // factors of other enterprises are ignored
        assertThat(RiskEngine.score(8, f, NAMES, DEFAULTS, Instant.now())).singleElement()
                .satisfies(x -> assertThat(x.colour()).isEqualTo(Colour.BLUE));
    }

    @Test
    void invalidConfigurationIsRefusedWithEveryReason() {
        RiskConfig bad = (RiskConfig) java.lang.reflect.Proxy.newProxyInstance(RiskConfig.class.getClassLoader(),
                new Class<?>[] { RiskConfig.class }, (proxy, m, args) -> switch (m.getName()) {
                    case "threshold_red" -> 30.0;
                    case "weights" -> new String[] { "Bad Id=1", "hazard.grade=-1" };
                    case "deadlines" -> new String[] { "RED=1,2,3" };
                    case "escalation" -> new String[] { "RED=boss@example.com" };
                    default -> m.getDefaultValue();
                });
        assertThatThrownBy(() -> Settings.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thresholds").hasMessageContaining("Bad Id").hasMessageContaining("hazard.grade")
                .hasMessageContaining("no deadlines for ORANGE").hasMessageContaining("boss@example.com");
    }
}
