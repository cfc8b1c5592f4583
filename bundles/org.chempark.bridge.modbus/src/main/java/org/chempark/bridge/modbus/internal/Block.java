package org.chempark.bridge.modbus.internal;

import java.util.List;

/**
 * One read request: {@code count} registers of one table starting at {@code start}, and the
 * points decoded from them.
 */
public record Block(PointDef.Function function, int start, int count, List<PointDef> points) {
    public Block {
        points = List.copyOf(points);
    }
}
