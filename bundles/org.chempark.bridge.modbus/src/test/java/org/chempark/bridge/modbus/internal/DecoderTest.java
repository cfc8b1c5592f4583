package org.chempark.bridge.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.chempark.bridge.modbus.internal.PointDef.DataType;
import org.chempark.bridge.modbus.internal.PointDef.Function;
import org.chempark.bridge.modbus.internal.PointDef.WordOrder;
import org.junit.jupiter.api.Test;

/** Word orders, signedness and scaling of register values. */
class DecoderTest {

    static PointDef p(int address, DataType t, WordOrder o, double scale, double offset) {
        return new PointDef("x", Function.HOLDING, address, t, o, scale, offset, 0);
    }

    @Test
    void sixteenBitSignedAndUnsigned() {
        int[] regs = { 0xFFFF, 0x8000, 1234 };
        assertThat(Decoder.decode(p(0, DataType.INT16, WordOrder.ABCD, 1, 0), regs, 0)).isEqualTo(-1);
        assertThat(Decoder.decode(p(0, DataType.UINT16, WordOrder.ABCD, 1, 0), regs, 0)).isEqualTo(65535);
        assertThat(Decoder.decode(p(1, DataType.INT16, WordOrder.ABCD, 1, 0), regs, 0)).isEqualTo(-32768);
        assertThat(Decoder.decode(p(12, DataType.UINT16, WordOrder.ABCD, 0.01, -2), regs, 10)).isCloseTo(10.34, within(1e-9));
    }

    @Test
    void thirtyTwoBitWordOrders() {
        int bits = 0x12345678;
        assertThat(Decoder.encode32(WordOrder.ABCD, bits)).containsExactly(0x1234, 0x5678);
        assertThat(Decoder.encode32(WordOrder.CDAB, bits)).containsExactly(0x5678, 0x1234);
        assertThat(Decoder.encode32(WordOrder.BADC, bits)).containsExactly(0x3412, 0x7856);
        assertThat(Decoder.encode32(WordOrder.DCBA, bits)).containsExactly(0x7856, 0x3412);
        for (WordOrder o : WordOrder.values()) {
            int[] r = Decoder.encode32(o, bits);
            assertThat(Decoder.decode(p(0, DataType.INT32, o, 1, 0), r, 0)).as(o.name()).isEqualTo(0x12345678);
            int[] neg = Decoder.encode32(o, -5);
            assertThat(Decoder.decode(p(0, DataType.INT32, o, 1, 0), neg, 0)).as(o.name()).isEqualTo(-5);
            assertThat(Decoder.decode(p(0, DataType.UINT32, o, 1, 0), neg, 0)).as(o.name()).isEqualTo(4294967291.0);
            int[] f = Decoder.encode32(o, Float.floatToIntBits(3.42f));
            assertThat(Decoder.decode(p(0, DataType.FLOAT32, o, 10, 1), f, 0)).as(o.name()).isCloseTo(35.2, within(1e-5));
        }
        // a CDAB float read as ABCD is a different number: the order matters
        int[] cdab = Decoder.encode32(WordOrder.CDAB, Float.floatToIntBits(3.42f));
        assertThat(Decoder.decode(p(0, DataType.FLOAT32, WordOrder.ABCD, 1, 0), cdab, 0)).isNotCloseTo(3.42, within(0.1));
    }

    @Test
    void floatNanStaysNan() {
        int[] r = Decoder.encode32(WordOrder.ABCD, Float.floatToIntBits(Float.NaN));
        assertThat(Decoder.decode(p(0, DataType.FLOAT32, WordOrder.ABCD, 1, 0), r, 0)).isNaN();
    }
}
