package org.chempark.report.internal;

import org.chempark.sdk.module.ChemParkModule;
import org.chempark.sdk.module.MenuEntry;
import org.chempark.sdk.module.ModuleDescriptor;
import org.chempark.sdk.module.ModuleKind;
import org.osgi.service.component.annotations.Component;

/** 评价/评估报告及隐患管理 (guideline 四(二)4, R-F2.4). */
@Component
public class ReportModule implements ChemParkModule {
    static final String ID = "report";
    static final String READ = ID + ":read";
    static final String WRITE = ID + ":write";
    static final String ADMIN = ID + ":admin";
    /** A report entered or left its reminder window (DUE) or expired; properties id, enterpriseId, title, expiry, validUntil. */
    static final String EXPIRY_TOPIC = "org/chempark/report/report/EXPIRY";
    /** A hidden danger passed its rectification deadline; properties id, enterpriseId, grade, deadline. */
    static final String OVERDUE_TOPIC = "org/chempark/report/hidden-danger/OVERDUE";

    private static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.builder(ID, "评价报告与隐患", "Reports and hidden dangers")
            .version("0.1.0").kind(ModuleKind.BASIC)
            .covers("R-F2.4")
            .permission("read", "查看评价报告与隐患", "View reports and hidden dangers")
            .permission("write", "备案报告、录入隐患及整改反馈", "File reports, record hidden dangers and rectification feedback")
            .permission("admin", "隐患验收销号、删除报告", "Accept rectifications, delete reports")
            .menu(new MenuEntry("reports", "评价/评估报告", "Assessment reports", "/report/reports", READ, 300))
            .menu(new MenuEntry("hidden-dangers", "问题隐患", "Hidden dangers", "/report/hidden-dangers", READ, 310))
            .build();

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
