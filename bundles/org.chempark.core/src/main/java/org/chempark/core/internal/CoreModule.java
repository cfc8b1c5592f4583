package org.chempark.core.internal;

import org.chempark.sdk.module.ChemParkModule;
import org.chempark.sdk.module.ModuleDescriptor;
import org.chempark.sdk.module.ModuleKind;
import org.osgi.service.component.annotations.Component;

/** The platform core's own descriptor, so the registry lists the platform itself. */
@Component
public class CoreModule implements ChemParkModule {
    private static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.builder("core", "平台核心", "Platform core")
            .version("0.1.0").kind(ModuleKind.BASIC)
            .covers("R-A.1", "R-A.2", "R-A.3", "R-I.4", "R-X.3")
            .permission("health", "查看运行状态", "View platform health")
            .permission("modules", "查看功能模块", "View installed modules")
            .build();

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
