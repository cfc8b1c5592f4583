package org.chempark.simulator.internal;

import java.util.List;

/**
 * One simulated field device: an enterprise's gas-detector controller (kind GDS, 可燃/有毒气体报警控制器)
 * or its DCS (kind DCS), served over Modbus TCP with each point a float32 (ABCD) in two holding
 * registers, the i-th point at address 2·i; or its DCS as an OPC UA server (kind OPCUA, Milo);
 * or its flow-meter gateway (kind MQTT, port 0), publishing over MQTT.
 */
record SimDevice(String name, String kind, Long enterpriseId, String enterpriseCode, int port, List<String> pointCodes) {
    static final int UNIT_ID = 1;

    boolean modbus() {
        return "GDS".equals(kind) || "DCS".equals(kind);
    }

    boolean opcua() {
        return "OPCUA".equals(kind);
    }

    boolean mqtt() {
        return "MQTT".equals(kind);
    }

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
