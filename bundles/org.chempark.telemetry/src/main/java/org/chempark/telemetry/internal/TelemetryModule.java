package org.chempark.telemetry.internal;

import org.chempark.sdk.module.ChemParkModule;
import org.chempark.sdk.module.MenuEntry;
import org.chempark.sdk.module.ModuleDescriptor;
import org.chempark.sdk.module.ModuleKind;
import org.osgi.service.component.annotations.Component;

/** 在线监测预警: live values, alarms, history and comparison of every monitoring point. */
@Component
public class TelemetryModule implements ChemParkModule {
    static final String ID = "telemetry";
    static final String READ = ID + ":read";
    static final String ACK = ID + ":ack";
    static final String ADMIN = ID + ":admin";

    private static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.builder(ID, "在线监测预警", "Online monitoring and warning")
            .version("0.1.0").kind(ModuleKind.BASIC)
            .covers("R-F2.2", "R-I.5", "R-I.6", "R-X.4")
            .permission("read", "查看实时数据、报警和历史", "View live values, alarms and history")
            .permission("ack", "确认、搁置报警", "Acknowledge and shelve alarms")
            .permission("admin", "管理接入连接和死信", "Manage connections and dead letters")
            .menu(new MenuEntry("live", "实时监测", "Live values", "/telemetry/live", READ, 300))
            .menu(new MenuEntry("alarms", "报警", "Alarms", "/telemetry/alarms", READ, 310))
            .menu(new MenuEntry("history", "历史与对比", "History and comparison", "/telemetry/history", READ, 320))
            .menu(new MenuEntry("sources", "接入连接", "Connections", "/telemetry/sources", ADMIN, 330))
            .build();

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
