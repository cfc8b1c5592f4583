package org.chempark.classification.internal;

import org.chempark.sdk.module.ChemParkModule;
import org.chempark.sdk.module.MenuEntry;
import org.chempark.sdk.module.ModuleDescriptor;
import org.chempark.sdk.module.ModuleKind;
import org.osgi.service.component.annotations.Component;

/** 重大危险源企业分类监管 (guideline 四(二)5, R-F2.5). */
@Component
public class ClassificationModule implements ChemParkModule {
    static final String ID = "classification";
    static final String READ = ID + ":read";
    static final String WRITE = ID + ":write";
    static final String ADMIN = ID + ":admin";
    /** An enterprise's class changed; properties enterpriseId, clazz, previous. */
    static final String CHANGED_TOPIC = "org/chempark/classification/enterprise/CHANGED";

    private static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.builder(ID, "企业分类监管", "Enterprise classification")
            .version("0.1.0").kind(ModuleKind.BASIC)
            .covers("R-F2.5")
            .permission("read", "查看企业分类、承诺公告与风险诊断", "View classification, commitments and diagnoses")
            .permission("write", "发布安全承诺公告", "File safety commitment announcements")
            .permission("admin", "维护分类规则、录入风险诊断", "Maintain classification rules, enter risk diagnoses")
            .menu(new MenuEntry("classification", "企业分类监管", "Enterprise classification", "/classification", READ, 320))
            .menu(new MenuEntry("commitments", "安全承诺公告", "Safety commitments", "/classification/commitments", READ, 330))
            .menu(new MenuEntry("diagnoses", "风险评估诊断", "Risk diagnosis", "/classification/diagnoses", READ, 340))
            .build();

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
