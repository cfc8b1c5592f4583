package org.chempark.core.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.chempark.core.HealthReport;
import org.chempark.core.HealthService;

@Service
@Command(scope = "chempark", name = "health", description = "Shows the health of the platform 平台运行状态")
public class HealthCommand implements Action {
    @Reference
    HealthService health;

    @Override
    public Object execute() {
        HealthReport r = health.check();
        System.out.println("Overall 总体: " + r.status() + "   uptime " + r.uptimeSeconds() + " s");
        ShellTable table = new ShellTable();
        table.column("Component");
        table.column("Status");
        table.column("Detail");
        r.components().forEach((k, v) -> table.addRow().addContent(k, v.status(), v.detail()));
        table.print(System.out);
        return null;
    }
}
