package org.chempark.bridge.modbus.internal;

import org.chempark.sdk.module.ChemParkModule;
import org.chempark.sdk.module.ModuleDescriptor;
import org.chempark.sdk.module.ModuleKind;
import org.osgi.service.component.annotations.Component;

/** Modbus TCP 数据采集: the Modbus bridge as a module (permissions of its device API). */
@Component
public class ModbusModule implements ChemParkModule {
    static final String ID = "modbus";

    private static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.builder(ID, "Modbus 数据采集", "Modbus TCP bridge")
            .version("0.1.0").kind(ModuleKind.UPGRADE)
            .covers("R-F2.2", "R-I.5")
            .permission("read", "查看 Modbus 设备", "View Modbus devices and their status")
            .permission("admin", "配置 Modbus 设备", "Create, change and delete Modbus devices")
            .build();

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
