package org.chempark.core.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.chempark.core.ModuleInfo;
import org.chempark.core.ModuleRegistry;

@Service
@Command(scope = "chempark", name = "modules", description = "Lists the installed ChemPark modules 列出已安装的功能模块")
public class ModulesCommand implements Action {
    @Reference
    ModuleRegistry registry;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name 名称");
        table.column("Kind");
        table.column("State");
        table.column("Version");
        table.column("Requirements");
        table.column("Bundle");
        for (ModuleInfo m : registry.modules()) {
            table.addRow().addContent(m.id(), m.nameZh() + " " + m.nameEn(), m.kind(), m.state(), m.version(),
                    String.join(" ", m.requirementIds()), m.bundle());
        }
        table.print(System.out);
        return null;
    }
}
