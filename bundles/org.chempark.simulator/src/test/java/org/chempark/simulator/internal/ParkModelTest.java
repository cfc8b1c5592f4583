package org.chempark.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.PointType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Value models stay in their normal band; scenarios move exactly the right points out of it (issue 4). */
class ParkModelTest {
    static DemoParkData park;
    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

    @BeforeAll
    static void load() throws Exception {
        park = new DemoParkData();
    }

    ParkModel model() {
        return new ParkModel(park.points, park.units, Set.of("E01-gds", "E01-dcs"), 42);
    }

    static boolean inBand(MonitoringPoint p, double v) {
        return (p.l() == null || v > p.l()) && (p.ll() == null || v > p.ll()) && (p.h() == null || v < p.h())
                && (p.hh() == null || v < p.hh()) && v >= p.rangeLow() && v <= p.rangeHigh();
    }

    @Test
    void sixHoursOfQuietParkStayInsideEveryBandAndLevelsMove() {
        assertThat(park.points).hasSize(440);
        ParkModel m = model();
        Map<String, double[]> minMax = new HashMap<>();
        Instant t = T0;
        for (int s = 0; s < 6 * 3600; s++) {
            t = t.plusSeconds(1);
            m.tick(t);
            for (MonitoringPoint p : park.points) {
                double v = m.value(p.code());
                assertThat(inBand(p, v)).as("%s = %s at second %s (l=%s h=%s)", p.code(), v, s, p.l(), p.h()).isTrue();
                double[] mm = minMax.computeIfAbsent(p.code(), k -> new double[] { v, v });
                mm[0] = Math.min(mm[0], v);
                mm[1] = Math.max(mm[1], v);
            }
        }
        for (MonitoringPoint p : park.points) {
            double[] mm = minMax.get(p.code());
            double span = p.rangeHigh() - p.rangeLow();
            assertThat(mm[1] - mm[0]).as("%s moves", p.code()).isGreaterThan(0);
            if (p.type() == PointType.LEVEL) {
                // tanks fill and drain: at least 10 % of the range in six hours
                assertThat(mm[1] - mm[0]).as("%s fills or drains", p.code()).isGreaterThan(0.1 * span);
            }
            if (p.type() == PointType.COMBUSTIBLE_GAS || p.type() == PointType.TOXIC_GAS) {
                assertThat(mm[1]).as("%s near zero", p.code()).isLessThanOrEqualTo(0.1 * p.h() + 1e-9);
            }
        }
    }

    @Test
    void aLeakRaisesTheNearbyDetectorsAboveTheirAlarmLevelAndOnlyThem() {
        ParkModel m = model();
        m.tick(T0);
        MonitoringPoint src = park.points.stream().filter(p -> p.code().equals("E01-GT-1101")).findFirst().orElseThrow();
        Scenario s = m.start(new ParkModel.Request("LEAK", src.code(), null, null, 300L, 80.0), T0);
        assertThat(s.points()).containsKey(src.code());
        for (int i = 1; i <= 60; i++) {
            m.tick(T0.plusSeconds(i));
        }
        double[] xy = Geometry.centre(src.geometry());
        for (MonitoringPoint p : park.points) {
            double v = m.value(p.code());
            boolean gas = p.type() == PointType.COMBUSTIBLE_GAS || p.type() == PointType.TOXIC_GAS;
            double[] pxy = Geometry.centre(p.geometry());
            double d = Math.hypot(pxy[0] - xy[0], pxy[1] - xy[1]);
            if (gas && d <= 80) {
                assertThat(v).as("%s at %s m", p.code(), (int) d).isGreaterThan(p.h());
                assertThat(s.points()).containsKey(p.code());
            } else {
                assertThat(inBand(p, v)).as("%s at %s m stays normal: %s", p.code(), (int) d, v).isTrue();
            }
        }
        // closer detectors read more: the source itself is above its second level
        assertThat(m.value(src.code())).isGreaterThan(src.hh());
        assertThat(m.scenarios()).hasSize(1);
        // the leak ends after its duration and the detector reads normal again
        m.tick(T0.plusSeconds(301));
        assertThat(m.scenarios()).isEmpty();
        assertThat(inBand(src, m.value(src.code()))).isTrue();
    }

    @Test
    void aLeakAtAUnitUsesItsCentre() {
        ParkModel m = model();
        m.tick(T0);
        Scenario s = m.start(new ParkModel.Request("LEAK", null, "E01-U01", null, 120L, null), T0);
        assertThat(s.points()).isNotEmpty();
        assertThat(s.points().keySet()).allMatch(c -> c.startsWith("E01-"));
    }

    @Test
    void overpressureFreezeAndOfflineAndCancel() {
        ParkModel m = model();
        m.tick(T0);
        MonitoringPoint pt = park.points.stream().filter(p -> p.code().equals("E01-PT-1101")).findFirst().orElseThrow();
        Scenario op = m.start(new ParkModel.Request("overpressure", pt.code(), null, null, 600L, null), T0);
        MonitoringPoint level = park.points.stream().filter(p -> p.code().equals("E01-LT-1101")).findFirst().orElseThrow();
        Scenario fr = m.start(new ParkModel.Request("FREEZE", level.code(), null, null, 600L, null), T0);
        double frozen = m.value(level.code());
        Scenario off = m.start(new ParkModel.Request("OFFLINE", null, null, "E01-gds", 600L, null), T0);
        for (int i = 1; i <= 120; i++) {
            m.tick(T0.plusSeconds(i));
            assertThat(m.value(level.code())).isEqualTo(frozen);
        }
        assertThat(m.value(pt.code())).isGreaterThan(pt.hh());
        assertThat(op.points().keySet()).allSatisfy(c -> assertThat(m.value(c)).isGreaterThan(m.point(c).firstAlarm()));
        assertThat(m.offlineDevices(T0.plusSeconds(120))).containsExactly("E01-gds");
        assertThat(m.scenarios()).extracting(Scenario::id).containsExactly(op.id(), fr.id(), off.id());

        assertThat(m.cancel(op.id())).isTrue();
        assertThat(m.cancel(op.id())).isFalse();
        assertThat(inBand(pt, m.value(pt.code()))).isTrue();
        m.cancel(off.id());
        assertThat(m.offlineDevices(T0.plusSeconds(121))).isEmpty();
        m.cancel(fr.id());
        m.tick(T0.plusSeconds(200));
        assertThat(m.value(level.code())).isNotEqualTo(frozen);
    }

    @Test
    void badRequestsNameTheField() {
        ParkModel m = model();
        m.tick(T0);
        record Case(ParkModel.Request r, String field, boolean notFound, String text) {
        }
        for (Case c : List.of(
                new Case(new ParkModel.Request(null, "E01-GT-1101", null, null, 60L, null), "type", false, "required"),
                new Case(new ParkModel.Request("FLOOD", "E01-GT-1101", null, null, 60L, null), "type", false, "unknown"),
                new Case(new ParkModel.Request("LEAK", "NOPE-1", null, null, 60L, null), "pointCode", true, "does not exist"),
                new Case(new ParkModel.Request("LEAK", null, "E99-U01", null, 60L, null), "unitCode", true, "does not exist"),
                new Case(new ParkModel.Request("LEAK", null, null, null, 60L, null), "pointCode", false, "pointCode"),
                new Case(new ParkModel.Request("LEAK", "E01-GT-1101", null, null, 0L, null), "durationSeconds", false, "between 1 and 86400"),
                new Case(new ParkModel.Request("LEAK", "E01-GT-1101", null, null, null, null), "durationSeconds", false, "required"),
                new Case(new ParkModel.Request("LEAK", "E01-GT-1101", null, null, 90000L, null), "durationSeconds", false, "24 h"),
                new Case(new ParkModel.Request("LEAK", "E01-GT-1101", null, null, 60L, -5.0), "radiusM", false, "radiusM"),
                new Case(new ParkModel.Request("OVERPRESSURE", "E01-GT-3106", null, null, 60L, null), "pointCode", false, "no pressure point"),
                new Case(new ParkModel.Request("OFFLINE", null, null, "E77-gds", 60L, null), "device", true, "E01-dcs"),
                new Case(new ParkModel.Request("FREEZE", null, null, null, 60L, null), "pointCode", false, "required"))) {
            assertThatThrownBy(() -> m.start(c.r(), T0)).as(c.toString()).isInstanceOfSatisfying(ScenarioException.class, e -> {
                assertThat(e.field).isEqualTo(c.field());
                assertThat(e.notFound).isEqualTo(c.notFound());
                assertThat(e.getMessage()).contains(c.text());
            });
        }
        assertThat(m.scenarios()).isEmpty();
    }
}
