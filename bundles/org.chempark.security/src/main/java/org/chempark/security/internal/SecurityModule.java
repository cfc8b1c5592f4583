package org.chempark.security.internal;

import org.chempark.sdk.module.ChemParkModule;
import org.chempark.sdk.module.MenuEntry;
import org.chempark.sdk.module.ModuleDescriptor;
import org.chempark.sdk.module.ModuleKind;
import org.osgi.service.component.annotations.Component;

/** 统一身份认证与安全审计. */
@Component
public class SecurityModule implements ChemParkModule {
    static final String ID = "security";
    static final String READ = ID + ":read";
    static final String WRITE = ID + ":write";
    static final String AUDIT = ID + ":audit";
    /** Log in to the Karaf SSH and web consoles with the platform account (Karaf roles admin, manager, viewer, systembundles, ssh). */
    static final String CONSOLE = ID + ":console";
    /** See mobile numbers and ID-card numbers unmasked ({@link org.chempark.sdk.security.Sensitive#PERMISSION}). */
    static final String SENSITIVE_READ = org.chempark.sdk.security.Sensitive.PERMISSION;

    private static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.builder(ID, "统一身份认证与安全审计", "Identity and security audit")
            .version("0.1.0").kind(ModuleKind.BASIC)
            .covers("R-I.8", "R-S")
            .permission("read", "查看用户、角色和组织", "View users, roles and organisations")
            .permission("write", "管理用户、角色和组织", "Manage users, roles and organisations")
            .permission("audit", "查看安全审计日志", "View the security audit log")
            .permission("console", "登录运维控制台（SSH、Web 控制台）", "Log in to the operations consoles (SSH, web console)")
            .permission("sensitive-read", "查看完整的手机号和身份证号", "See full mobile and ID-card numbers")
            .menu(new MenuEntry("users", "用户", "Users", "/security/users", READ, 900))
            .menu(new MenuEntry("roles", "角色", "Roles", "/security/roles", READ, 910))
            .menu(new MenuEntry("organisations", "组织机构", "Organisations", "/security/organisations", READ, 920))
            .menu(new MenuEntry("audit", "安全审计", "Audit log", "/security/audit", AUDIT, 930))
            .build();

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
