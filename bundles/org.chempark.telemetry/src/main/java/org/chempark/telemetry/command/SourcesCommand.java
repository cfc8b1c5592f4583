package org.chempark.telemetry.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.chempark.telemetry.internal.IngestPipeline;
import org.chempark.telemetry.internal.SourceAdmin;
import org.chempark.telemetry.internal.TelemetryService;

@Service
@Command(scope = "chempark", name = "sources", description = "Lists telemetry sources with their status 接入连接状态")
public class SourcesCommand implements Action {
    @Reference
    SourceAdmin sources;

    @Reference
    TelemetryService telemetry;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Source");
        table.column("Protocol");
        table.column("State");
        table.column("Reason");
        table.column("Since");
        table.column("Last reading");
        table.column("Readings");
        table.column("Endpoint");
        sources.sources().forEach(s -> table.addRow().addContent(s.id(), s.protocol(), s.state(), s.reason() == null ? "" : s.reason(), s.since(),
                s.lastReading() == null ? "" : s.lastReading(), s.readings(), s.endpoint()));
        table.print(System.out);
        System.out.println();
        System.out.println("Ingest by source 按来源入库:");
        ShellTable ingest = new ShellTable();
        ingest.column("Source");
        ingest.column("Accepted");
        ingest.column("Unknown");
        ingest.column("Rejected");
        ingest.column("Last reading");
        ingest.column("Last received");
        telemetry.sourceCounters().stream().sorted((a, b) -> a.source().compareTo(b.source()))
                .forEach((IngestPipeline.SourceCounters c) -> ingest.addRow().addContent(c.source(), c.accepted(), c.unknown(), c.rejected(),
                        c.lastReading() == null ? "" : c.lastReading(), c.lastReceived()));
        ingest.print(System.out);
        return null;
    }
}
