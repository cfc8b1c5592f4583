package org.chempark.simulator.internal;

import java.util.List;

/**
 * One simulated field device serving points over Modbus TCP: an enterprise's gas-detector
 * controller (GDS, 可燃/有毒气体报警控制器) or its DCS. Each point is a float32 (ABCD) in two holding
 * registers, the i-th point at address 2·i.
 */
record SimDevice(String name, String kind, Long enterpriseId, String enterpriseCode, int port, List<String> pointCodes) {
    static final int UNIT_ID = 1;

    String registerMapLine(int i) {
        return pointCodes.get(i) + ";holding;" + (2 * i) + ";float32;ABCD;1;0";
    }

    String[] registerMap() {
        String[] out = new String[pointCodes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = registerMapLine(i);
        }
        return out;
    }
}
