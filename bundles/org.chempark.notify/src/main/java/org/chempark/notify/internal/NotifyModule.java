package org.chempark.notify.internal;

import org.chempark.sdk.module.ChemParkModule;
import org.chempark.sdk.module.MenuEntry;
import org.chempark.sdk.module.ModuleDescriptor;
import org.chempark.sdk.module.ModuleKind;
import org.osgi.service.component.annotations.Component;

/** 消息通知: outbox, in-app inbox, e-mail and SMS channels. */
@Component
public class NotifyModule implements ChemParkModule {
    static final String ID = "notify";

    private static final ModuleDescriptor DESCRIPTOR = ModuleDescriptor.builder(ID, "消息通知", "Notifications")
            .version("0.1.0").kind(ModuleKind.BASIC)
            .covers("R-F2.3")
            .permission("read", "查看通知发送记录", "View the notification outbox and delivery records")
            .menu(new MenuEntry("inbox", "站内消息", "Inbox", "/notify/inbox", null, 900))
            .build();

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
