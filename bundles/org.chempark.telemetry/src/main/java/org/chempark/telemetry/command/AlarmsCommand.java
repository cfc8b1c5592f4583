package org.chempark.telemetry.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.chempark.telemetry.internal.Alarm;
import org.chempark.telemetry.internal.TelemetryService;

@Service
@Command(scope = "chempark", name = "alarms", description = "Lists active alarms 当前报警")
public class AlarmsCommand implements Action {
    @Reference
    TelemetryService telemetry;

    @Option(name = "-e", aliases = "--enterprise", description = "only this enterprise id")
    Long enterprise;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Point");
        table.column("Kind");
        table.column("Priority");
        table.column("State");
        table.column("Value");
        table.column("Limit");
        table.column("Raised");
        table.column("Enterprise");
        int n = 0;
        for (Alarm a : telemetry.activeAlarmList()) {
            if (enterprise != null && !enterprise.equals(a.enterpriseId())) {
                continue;
            }
            n++;
            table.addRow().addContent(a.id(), a.pointCode(), a.kind(), a.priority(), a.state(), a.value(), Double.isNaN(a.limit()) ? "" : a.limit(),
                    a.raisedAt(), a.enterpriseId() == null ? "" : a.enterpriseId());
        }
        table.print(System.out);
        System.out.println(n + " active alarms 条当前报警; pipeline " + telemetry.status());
        return null;
    }
}
