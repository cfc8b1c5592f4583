package org.chempark.bridge.mqtt.internal;

import org.chempark.sdk.module.ChemParkModule;
import org.chempark.sdk.module.ModuleDescriptor;
import org.chempark.sdk.module.ModuleKind;
import org.osgi.service.component.annotations.Component;

/** MQTT 接入: the MQTT bridge (embedded broker, per-device credentials) of the telemetry ingest. */
@Component
public class MqttModule implements ChemParkModule {
    static final String ID = "mqtt";
    static final String READ = ID + ":read";
    static final String ADMIN = ID + ":admin";

    private static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.builder(ID, "MQTT 接入", "MQTT bridge")
            .version("0.1.0").kind(ModuleKind.BASIC)
            .covers("R-X.1", "R-X.4", "R-F2.2")
            .permission("read", "查看 MQTT 设备及状态", "View MQTT devices and their status")
            .permission("admin", "管理 MQTT 设备及密钥", "Manage MQTT devices and their secrets")
            .build();

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
