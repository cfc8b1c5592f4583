package org.chempark.risk.internal;

import org.chempark.sdk.module.ChemParkModule;
import org.chempark.sdk.module.MenuEntry;
import org.chempark.sdk.module.ModuleDescriptor;
import org.chempark.sdk.module.ModuleKind;
import org.osgi.service.component.annotations.Component;

/** 重大风险管控: real-time risk model and warning handling (R-F2.3). */
@Component
public class RiskModule implements ChemParkModule {
    static final String ID = "risk";

    private static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.builder(ID, "重大风险管控", "Major risk control")
            .version("0.1.0").kind(ModuleKind.BASIC)
            .covers("R-F2.3")
            .permission("read", "查看风险与预警", "View risk scores and warnings")
            .permission("write", "预警核查、反馈", "Verify warnings and give feedback (enterprise)")
            .permission("handle", "预警督办", "Supervise warnings (park)")
            .permission("close", "预警关闭", "Close warnings (park)")
            .permission("recompute", "重新计算风险", "Recompute every risk score now")
            .menu(new MenuEntry("risk", "风险四色图", "Risk colours", "/risk/scores", ID + ":read", 230))
            .menu(new MenuEntry("warnings", "预警处置", "Warning handling", "/risk/warnings", ID + ":read", 240))
            .build();

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
