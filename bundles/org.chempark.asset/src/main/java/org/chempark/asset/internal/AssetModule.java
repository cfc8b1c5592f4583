package org.chempark.asset.internal;

import org.chempark.sdk.module.ChemParkModule;
import org.chempark.sdk.module.MenuEntry;
import org.chempark.sdk.module.ModuleDescriptor;
import org.chempark.sdk.module.ModuleKind;
import org.osgi.service.component.annotations.Component;

/** 资产与基础信息: the asset model module. */
@Component
public class AssetModule implements ChemParkModule {
    static final String ID = "asset";
    static final String READ = ID + ":read";
    static final String WRITE = ID + ":write";

    private static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.builder(ID, "资产与基础信息", "Assets and base information")
            .version("0.1.0").kind(ModuleKind.BASIC)
            .covers("R-F1.1", "R-A.5", "R-I.1")
            .permission("read", "查看园区资产", "View park assets")
            .permission("write", "维护园区资产", "Maintain park assets")
            .menu(new MenuEntry("enterprises", "企业", "Enterprises", "/asset/enterprises", READ, 100))
            .menu(new MenuEntry("units", "生产/储存单元", "Units", "/asset/units", READ, 110))
            .menu(new MenuEntry("points", "监测点位", "Monitoring points", "/asset/points", READ, 120))
            .menu(new MenuEntry("chemicals", "危险化学品", "Chemicals", "/asset/chemicals", READ, 130))
            .menu(new MenuEntry("catalog", "禁限控目录", "Prohibited/restricted/controlled catalog", "/asset/catalog", READ, 140))
            .menu(new MenuEntry("map", "园区一张图", "Park map", "/map", READ, 10))
            .build();

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
