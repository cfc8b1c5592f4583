package org.chempark.sdk.example.internal;

import org.chempark.sdk.module.ChemParkModule;
import org.chempark.sdk.module.MenuEntry;
import org.chempark.sdk.module.ModuleDescriptor;
import org.chempark.sdk.module.ModuleKind;
import org.osgi.service.component.annotations.Component;

/** The plugin's descriptor: who it is, what it covers, what it lets users do. */
@Component
public class ExampleModule implements ChemParkModule {
    static final String ID = "example";

    @Override
    public ModuleDescriptor descriptor() {
        return ModuleDescriptor.builder(ID, "示例插件", "Example plugin")
                .version("0.1.0").kind(ModuleKind.UPGRADE)
                .covers("R-A.3")
                .permission("read", "查看示例", "Read the example")
                .menu(new MenuEntry("example", "示例插件", "Example", "/example", ID + ":read", 900))
                .build();
    }
}
