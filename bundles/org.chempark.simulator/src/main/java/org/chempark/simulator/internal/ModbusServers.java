package org.chempark.simulator.internal;

import java.net.InetAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;

/**
 * The simulator's Modbus TCP slaves (j2mod), one per simulated device on its own port. Each
 * tick copies the park model's values into the registers; a device taken offline by a scenario
 * closes its port (connections are refused) and reopens it when the scenario ends.
 */
final class ModbusServers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModbusServers.class);

    private final InetAddress bind;
    private final Map<String, Served> served = new LinkedHashMap<>();

    private static final class Served {
        final SimDevice device;
        final SimpleProcessImage image;
        final SimpleRegister[] registers;
        ModbusSlave slave;
        String problem;

        Served(SimDevice device) {
            this.device = device;
            this.image = new SimpleProcessImage(SimDevice.UNIT_ID);
            this.registers = new SimpleRegister[device.pointCodes().size() * 2];
            for (int i = 0; i < registers.length; i++) {
                registers[i] = new SimpleRegister(0);
                image.addRegister(registers[i]);
            }
        }
    }

    ModbusServers(InetAddress bind, List<SimDevice> devices) {
        this.bind = bind;
        for (SimDevice d : devices) {
            served.put(d.name(), new Served(d));
        }
    }

    /** Writes the current values and opens or closes ports as the offline scenarios say. */
    synchronized void update(ParkModel model, Instant now) {
        Set<String> offline = model.offlineDevices(now);
        for (Served s : served.values()) {
            List<String> codes = s.device.pointCodes();
            for (int i = 0; i < codes.size(); i++) {
                int bits = Float.floatToIntBits((float) model.value(codes.get(i)));
                s.registers[2 * i].setValue((bits >>> 16) & 0xFFFF);
                s.registers[2 * i + 1].setValue(bits & 0xFFFF);
            }
            boolean wantOpen = !offline.contains(s.device.name());
            if (wantOpen && s.slave == null) {
                open(s);
            } else if (!wantOpen && s.slave != null) {
                LOG.info("Simulated device {} goes offline (port {} closed)", s.device.name(), s.device.port());
                ModbusSlaveFactory.close(s.slave);
                s.slave = null;
            }
        }
    }

    private void open(Served s) {
        try {
            ModbusSlave slave = ModbusSlaveFactory.createTCPSlave(bind, s.device.port(), 2, false);
            slave.addProcessImage(SimDevice.UNIT_ID, s.image);
            slave.open();
            s.slave = slave;
            if (s.problem != null) {
                LOG.info("Simulated device {} serves Modbus TCP on {}:{} again", s.device.name(), bind.getHostAddress(), s.device.port());
            }
            s.problem = null;
        } catch (Exception e) {
            String problem = String.valueOf(e.getMessage());
            if (!problem.equals(s.problem)) {
                LOG.warn("Simulated device {} cannot listen on {}:{}: {} (retrying every tick)", s.device.name(), bind.getHostAddress(),
                        s.device.port(), problem);
            }
            s.problem = problem;
            ModbusSlave half = ModbusSlaveFactory.getSlave(com.ghgande.j2mod.modbus.slave.ModbusSlaveType.TCP, s.device.port());
            if (half != null) {
                ModbusSlaveFactory.close(half);
            }
        }
    }

    /** Port per device name and whether it listens now. */
    synchronized Map<String, Boolean> listening() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        served.forEach((k, v) -> out.put(k, v.slave != null));
        return out;
    }

    @Override
    public synchronized void close() {
        for (Served s : served.values()) {
            if (s.slave != null) {
                ModbusSlaveFactory.close(s.slave);
                s.slave = null;
            }
        }
    }
}
