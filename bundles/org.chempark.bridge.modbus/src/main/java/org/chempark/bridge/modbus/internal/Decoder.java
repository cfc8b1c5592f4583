package org.chempark.bridge.modbus.internal;

/** Turns raw 16-bit registers into engineering values. */
public final class Decoder {
    private Decoder() {
    }

    /**
     * Decodes one point from the registers of its block.
     *
     * @param regs       register values of the block (each 0..65535)
     * @param blockStart address of {@code regs[0]}
     * @return {@code raw * scale + offset}; NaN or infinite for float32 NaN/Inf
     */
    public static double decode(PointDef p, int[] regs, int blockStart) {
        int i = p.address() - blockStart;
        double raw = switch (p.type()) {
        case INT16 -> (short) regs[i];
        case UINT16 -> regs[i] & 0xFFFF;
        case INT32 -> bits32(p.wordOrder(), regs[i], regs[i + 1]);
        case UINT32 -> bits32(p.wordOrder(), regs[i], regs[i + 1]) & 0xFFFFFFFFL;
        case FLOAT32 -> Float.intBitsToFloat(bits32(p.wordOrder(), regs[i], regs[i + 1]));
        };
        return raw * p.scale() + p.offset();
    }

    /** The 32 bits ABCD from two registers as they arrived (first, second) in the given order. */
    static int bits32(PointDef.WordOrder order, int first, int second) {
        return switch (order) {
        case ABCD -> ((first & 0xFFFF) << 16) | (second & 0xFFFF);
        case CDAB -> ((second & 0xFFFF) << 16) | (first & 0xFFFF);
        case BADC -> (swap(first) << 16) | swap(second);
        case DCBA -> (swap(second) << 16) | swap(first);
        };
    }

    /** The two registers (first, second) that carry the 32 bits ABCD in the given order; the inverse of {@link #bits32}. */
    public static int[] encode32(PointDef.WordOrder order, int bits) {
        int hi = (bits >>> 16) & 0xFFFF;
        int lo = bits & 0xFFFF;
        return switch (order) {
        case ABCD -> new int[] { hi, lo };
        case CDAB -> new int[] { lo, hi };
        case BADC -> new int[] { swap(hi), swap(lo) };
        case DCBA -> new int[] { swap(lo), swap(hi) };
        };
    }

    private static int swap(int word) {
        return ((word & 0xFF) << 8) | ((word >>> 8) & 0xFF);
    }
}
