package org.chempark.bridge.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.chempark.bridge.modbus.internal.PointDef.DataType;
import org.chempark.bridge.modbus.internal.PointDef.Function;
import org.chempark.bridge.modbus.internal.PointDef.WordOrder;
import org.junit.jupiter.api.Test;

/** Register maps declared as data (issue 4, R-F2.1 data acquisition). */
class RegisterMapTest {

    @Test
    void parsesEveryFieldWithDefaultsAndComments() throws Exception {
        List<PointDef> points = RegisterMap.parse("""
                # gas detector controller
                E01-GT-1101;holding;0;float32;CDAB;1;0

                E01-PT-1101 ; input ; 10 ; int16 ; ; 0.01 ; -1
                E01-TT-1101;HOLDING;20;uint16
                """, "E01-FT-1101;input;30;uint32;dcba;2.5");
        assertThat(points).hasSize(4);
        assertThat(points.get(0)).isEqualTo(new PointDef("E01-GT-1101", Function.HOLDING, 0, DataType.FLOAT32, WordOrder.CDAB, 1, 0, 2));
        assertThat(points.get(1)).isEqualTo(new PointDef("E01-PT-1101", Function.INPUT, 10, DataType.INT16, WordOrder.ABCD, 0.01, -1, 4));
        assertThat(points.get(2).scale()).isEqualTo(1.0);
        assertThat(points.get(2).offset()).isEqualTo(0.0);
        assertThat(points.get(3).wordOrder()).isEqualTo(WordOrder.DCBA);
        assertThat(points.get(3).scale()).isEqualTo(2.5);
        assertThat(RegisterMap.parse(RegisterMap.format(points))).extracting(PointDef::code, PointDef::address, PointDef::type,
                PointDef::wordOrder, PointDef::scale, PointDef::offset)
                .containsExactlyElementsOf(points.stream().map(p -> org.assertj.core.groups.Tuple.tuple(p.code(), p.address(), p.type(),
                        p.wordOrder(), p.scale(), p.offset())).toList());
    }

    @Test
    void reportsEveryBadLineWithItsNumber() {
        assertThatThrownBy(() -> RegisterMap.parse("""
                A;holding;0;float32
                B;coil;1;int16
                C;holding;-1;int16
                D;holding;x;int16
                E;holding;5;double
                F;holding;6;int32;XYZW
                G;holding;7;int16;;abc
                A;holding;8;int16
                H;holding;65535;float32
                I;holding
                J;holding;9;int16;;0
                """)).isInstanceOfSatisfying(RegisterMapException.class, e -> assertThat(e.problems()).containsExactly(
                "line 2: function 'coil' must be holding or input",
                "line 3: address -1 must be between 0 and 65535",
                "line 4: address 'x' is not a whole number (0-based protocol address)",
                "line 5: type 'double' must be one of int16, uint16, int32, uint32, float32",
                "line 6: wordOrder 'XYZW' must be ABCD, CDAB, BADC or DCBA",
                "line 7: scale 'abc' is not a number",
                "line 8: point A is already mapped on line 1",
                "line 9: a float32 at address 65535 runs past the last register 65535",
                "line 10: expected 4 to 7 fields separated by ';' (" + RegisterMap.FORMAT + "), found 2",
                "line 11: scale must not be 0"));
    }

    @Test
    void anEmptyMapIsAnError() {
        assertThatThrownBy(() -> RegisterMap.parse("# nothing\n\n")).isInstanceOf(RegisterMapException.class)
                .hasMessageContaining("has no points");
        assertThatThrownBy(() -> RegisterMap.parse((String[]) null)).isInstanceOf(RegisterMapException.class);
    }
}
