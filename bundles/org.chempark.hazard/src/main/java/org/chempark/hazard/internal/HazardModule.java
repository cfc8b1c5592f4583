package org.chempark.hazard.internal;

import org.chempark.sdk.module.ChemParkModule;
import org.chempark.sdk.module.MenuEntry;
import org.chempark.sdk.module.ModuleDescriptor;
import org.chempark.sdk.module.ModuleKind;
import org.osgi.service.component.annotations.Component;

/** 重大危险源: identification and grading (first part of the major hazard sources module). */
@Component
public class HazardModule implements ChemParkModule {
    static final String ID = "hazard";

    private static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.builder(ID, "重大危险源", "Major hazard sources")
            .version("0.1.0").kind(ModuleKind.BASIC)
            .covers("R-F1.1", "R-F2.1", "R-F2.2")
            .permission("read", "查看重大危险源", "View major hazard sources")
            .permission("regrade", "重新辨识分级", "Recompute identification and grading")
            .permission("write", "维护包保责任人、填报履职记录", "Maintain 包保 responsible persons and record duty performance")
            .permission("review", "在线抽查", "Record online spot checks of hazard source monitoring")
            .menu(new MenuEntry("sources", "重大危险源", "Major hazard sources", "/hazard/sources", ID + ":read", 200))
            .menu(new MenuEntry("detectors", "报警设定值核查", "Detector set-point check", "/hazard/detector-check", ID + ":read", 210))
            .menu(new MenuEntry("responsibility", "包保责任", "包保 responsibility", "/hazard/responsibility", ID + ":read", 220))
            .build();

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
