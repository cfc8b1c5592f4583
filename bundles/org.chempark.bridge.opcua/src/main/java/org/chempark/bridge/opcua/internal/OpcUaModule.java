package org.chempark.bridge.opcua.internal;

import org.chempark.sdk.module.ChemParkModule;
import org.chempark.sdk.module.ModuleDescriptor;
import org.chempark.sdk.module.ModuleKind;
import org.osgi.service.component.annotations.Component;

/** OPC UA 客户端桥: the DCS connections of the park's enterprises (R-A.2, R-X.4). */
@Component
public class OpcUaModule implements ChemParkModule {
    static final String ID = "opcua";

    private static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.builder(ID, "OPC UA 接入", "OPC UA client bridge")
            .version("0.1.0").kind(ModuleKind.UPGRADE)
            .covers("R-A.2", "R-X.1", "R-X.4")
            .permission("admin", "管理 OPC UA 连接", "Manage OPC UA connections and browse DCS address spaces")
            .build();

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
