package org.chempark.simulator.internal;

import org.chempark.sdk.module.ChemParkModule;
import org.chempark.sdk.module.ModuleDescriptor;
import org.chempark.sdk.module.ModuleKind;
import org.osgi.service.component.annotations.Component;

/** 虚拟园区模拟器: simulated field devices for demonstrations, training and tests. */
@Component
public class SimulatorModule implements ChemParkModule {
    static final String ID = "simulator";

    private static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.builder(ID, "虚拟园区模拟器", "Virtual park simulator")
            .version("0.1.0").kind(ModuleKind.UPGRADE)
            .covers("R-F2.2", "R-I.5")
            .permission("read", "查看模拟设备与场景", "View simulated devices and scenarios")
            .permission("admin", "注入与取消模拟场景", "Inject and cancel simulation scenarios")
            .build();

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
