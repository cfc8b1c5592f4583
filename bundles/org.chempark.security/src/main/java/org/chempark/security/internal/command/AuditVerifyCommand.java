package org.chempark.security.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.chempark.security.internal.AuditLog;
import org.chempark.security.internal.SecurityCore;

@Service
@Command(scope = "chempark", name = "audit-verify", description = "Verifies the hash chain of the security audit log 校验安全审计日志的哈希链")
public class AuditVerifyCommand implements Action {
    @Reference
    SecurityCore core;

    @Override
    public Object execute() {
        AuditLog.Verification v = core.audit().verify();
        if (v.intact()) {
            System.out.println("Audit log intact 审计日志完整: " + v.rowsChecked() + " rows checked");
        } else {
            System.out.println("AUDIT LOG BROKEN 审计日志被篡改 at row id " + v.firstBrokenId() + ": " + v.reason()
                    + " (" + v.rowsChecked() + " rows checked)");
        }
        return null;
    }
}
