package org.chempark.bridge.modbus.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups points into as few read requests as the limits allow: points of the same register
 * table are sorted by address and merged while the request stays within {@code maxRegisters}
 * (Modbus allows 125 per read) and the unused registers between two neighbouring points are at
 * most {@code maxGap} (reading a few unused registers is cheaper than another round trip, but
 * some devices answer "illegal address" for holes, so the gap is configurable; 0 = only
 * adjacent registers).
 */
public final class BlockPlanner {
    /** The protocol limit of registers in one read holding/input registers request. */
    public static final int PROTOCOL_MAX = 125;

    private BlockPlanner() {
    }

    public static List<Block> plan(List<PointDef> points, int maxRegisters, int maxGap) {
        if (maxRegisters < 2 || maxRegisters > PROTOCOL_MAX) {
            throw new IllegalArgumentException("maxRegisters must be between 2 and " + PROTOCOL_MAX + ", got " + maxRegisters);
        }
        if (maxGap < 0) {
            throw new IllegalArgumentException("maxGap must not be negative, got " + maxGap);
        }
        List<Block> blocks = new ArrayList<>();
        for (PointDef.Function f : PointDef.Function.values()) {
            List<PointDef> sorted = points.stream().filter(p -> p.function() == f)
                    .sorted(Comparator.comparingInt(PointDef::address).thenComparingInt(PointDef::end)).toList();
            int start = -1;
            int end = -1;
            List<PointDef> current = new ArrayList<>();
            for (PointDef p : sorted) {
                boolean fits = start >= 0 && p.address() - end <= maxGap && Math.max(end, p.end()) - start <= maxRegisters;
                if (!fits) {
                    if (start >= 0) {
                        blocks.add(new Block(f, start, end - start, current));
                    }
                    start = p.address();
                    end = p.end();
                    current = new ArrayList<>();
                } else {
                    end = Math.max(end, p.end());
                }
                current.add(p);
            }
            if (start >= 0) {
                blocks.add(new Block(f, start, end - start, current));
            }
        }
        return blocks;
    }
}
