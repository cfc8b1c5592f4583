package org.chempark.bridge.mqtt.internal.command;

import java.util.Comparator;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.chempark.bridge.mqtt.internal.DeviceRegistry;
import org.chempark.sdk.telemetry.SourceStatus;

@Service
@Command(scope = "chempark", name = "mqtt-devices", description = "MQTT devices and their status MQTT 设备及状态")
public class MqttDevicesCommand implements Action {
    @Reference
    DeviceRegistry registry;

    @Override
    public Object execute() {
        ShellTable t = new ShellTable();
        t.column("Device 设备");
        t.column("Enterprise");
        t.column("State 状态");
        t.column("Reason 原因");
        t.column("Readings");
        t.column("Dead letters");
        t.column("Last reading");
        registry.all().stream().sorted(Comparator.comparing(DeviceRegistry.Device::deviceId)).forEach(d -> {
            SourceStatus s = registry.status(d.deviceId());
            t.addRow().addContent(d.deviceId(), d.enterpriseId() == 0 ? "-" : d.enterpriseId(), s.state(),
                    s.reason() == null ? "" : s.reason(), s.readings(), registry.state(d.deviceId()).rejected(),
                    s.lastReading() == null ? "-" : s.lastReading());
        });
        t.print(System.out);
        return null;
    }
}
