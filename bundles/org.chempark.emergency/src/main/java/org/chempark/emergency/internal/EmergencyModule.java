package org.chempark.emergency.internal;

import org.chempark.sdk.module.ChemParkModule;
import org.chempark.sdk.module.MenuEntry;
import org.chempark.sdk.module.ModuleDescriptor;
import org.chempark.sdk.module.ModuleKind;
import org.osgi.service.component.annotations.Component;

/** 辅助决策与应急资源 (提升): scenarios on live data, resources registry, generated response plan. */
@Component
public class EmergencyModule implements ChemParkModule {
    static final String ID = "emergency";
    static final String READ = ID + ":read";
    static final String ADMIN = ID + ":admin";

    private static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.builder(ID, "应急辅助决策", "Emergency decision support")
            .version("0.1.0").kind(ModuleKind.UPGRADE)
            .covers("R-F6.2", "R-F6.5")
            .permission("read", "查看/计算事故情景与应急资源", "Compute and view scenarios, plans and resources")
            .permission("admin", "管理应急资源", "Manage emergency resources")
            .menu(new MenuEntry("scenarios", "事故模拟与处置方案", "Scenarios and response plans", "/emergency", READ, 600))
            .menu(new MenuEntry("resources", "应急资源", "Emergency resources", "/emergency/resources", READ, 610))
            .build();

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
