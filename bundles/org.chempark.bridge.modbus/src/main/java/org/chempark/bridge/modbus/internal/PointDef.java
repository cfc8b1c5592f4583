package org.chempark.bridge.modbus.internal;

import java.util.Objects;

/**
 * One monitoring point in a device's register map: where its value lives and how to turn the
 * raw registers into the engineering value ({@code raw * scale + offset}).
 *
 * @param code      monitoring point code (the asset model's point code)
 * @param function  holding (function 3) or input (function 4) registers
 * @param address   0-based protocol address of the first register (0..65535)
 * @param type      register data type
 * @param wordOrder order of the two 16-bit words of a 32-bit value (ignored for 16-bit types)
 * @param scale     multiplier applied to the raw value
 * @param offset    added after scaling
 * @param line      line of the register map it was declared on (for messages), 0 if built in code
 */
public record PointDef(String code, Function function, int address, DataType type, WordOrder wordOrder, double scale, double offset,
        int line) {

    /** Register table a point is read from. */
    public enum Function {
        HOLDING(3), INPUT(4);

        public final int code;

        Function(int code) {
            this.code = code;
        }
    }

    /** Register data types; {@link #words} is the number of 16-bit registers the value occupies. */
    public enum DataType {
        INT16(1), UINT16(1), INT32(2), UINT32(2), FLOAT32(2);

        public final int words;

        DataType(int words) {
            this.words = words;
        }
    }

    /**
     * Word and byte order of 32-bit values, named after the bytes A (most significant) … D.
     * ABCD is Modbus big-endian (high word first); CDAB swaps the words (low word first);
     * BADC and DCBA also swap the bytes inside each word.
     */
    public enum WordOrder {
        ABCD, CDAB, BADC, DCBA
    }

    public PointDef {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(wordOrder, "wordOrder");
    }

    /** The first register after this point. */
    public int end() {
        return address + type.words;
    }
}
