package org.chempark.emergency.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Meteorological convention: direction the wind comes FROM, clockwise from north. */
class WindFrameTest {

    @Test
    void northWindBlowsSouth() {
        WindFrame f = new WindFrame(0, 0, 0);
        ParkPoint p = f.toPark(new LocalPoint(100, 0));
        assertThat(p.east()).isCloseTo(0, within(1e-9));
        assertThat(p.north()).isCloseTo(-100, within(1e-9));
        // +y is to the left looking downwind (south) → east
        ParkPoint q = f.toPark(new LocalPoint(0, 10));
        assertThat(q.east()).isCloseTo(10, within(1e-9));
    }

    @Test
    void westWindBlowsEastAndSouthWestWindBlowsNorthEast() {
        ParkPoint p = new WindFrame(500, 500, 270).toPark(new LocalPoint(100, 0));
        assertThat(p.east()).isCloseTo(600, within(1e-9));
        assertThat(p.north()).isCloseTo(500, within(1e-9));
        ParkPoint q = new WindFrame(0, 0, 225).toPark(new LocalPoint(Math.sqrt(2), 0));
        assertThat(q.east()).isCloseTo(1, within(1e-9));
        assertThat(q.north()).isCloseTo(1, within(1e-9));
    }

    @Test
    void roundTrip() {
        WindFrame f = new WindFrame(123, -45, 37.5);
        LocalPoint l = f.toLocal(f.toPark(new LocalPoint(321, -77)).east(), f.toPark(new LocalPoint(321, -77)).north());
        assertThat(l.x()).isCloseTo(321, within(1e-9));
        assertThat(l.y()).isCloseTo(-77, within(1e-9));
    }

    @Test
    void invalidDirection() {
        assertThatThrownBy(() -> new WindFrame(0, 0, 400)).isInstanceOf(ModelInputException.class)
                .hasMessageContaining("windFromDegrees").hasMessageContaining("400.0");
    }
}
