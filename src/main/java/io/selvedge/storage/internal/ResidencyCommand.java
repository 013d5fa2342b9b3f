package io.selvedge.storage.internal;

import io.selvedge.platform.OperatorCommand;
import io.selvedge.storage.ResidencyReport;
import io.selvedge.storage.ResidencyReports;
import io.selvedge.storage.UnknownGroupException;
import java.io.PrintStream;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * {@code residency report --group G}: prints where the group's data is and scans every other region
 * for it. Exits 0 when clean, 1 when data of the group was found in another region, 2 on a usage error
 * or an unknown group.
 */
@Component
@RequiredArgsConstructor
class ResidencyCommand implements OperatorCommand {

    static final int CLEAN = 0;
    static final int FOUND_ELSEWHERE = 1;
    static final int USAGE = 2;

    private final ResidencyReports reports;

    @Override
    public String name() {
        return "residency";
    }

    @Override
    public String usage() {
        return """
                Usage: residency report --group GROUP_ID

                Lists the stores that hold the group's data in its region, and scans the databases and
                blob stores of every other region for any of it.
                Exit code: 0 clean, 1 data of the group found in another region, 2 usage error or unknown group.
                """;
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        if (arguments.size() != 3
                || !arguments.get(0).equals("report")
                || !arguments.get(1).equals("--group")) {
            out.print(usage());
            return USAGE;
        }
        UUID group;
        try {
            group = UUID.fromString(arguments.get(2));
        } catch (IllegalArgumentException e) {
            out.println("Not a group id: " + arguments.get(2));
            return USAGE;
        }
        ResidencyReport report;
        try {
            report = reports.of(group);
        } catch (UnknownGroupException e) {
            out.println("Unknown group: " + group);
            return USAGE;
        }
        print(report, out);
        return report.clean() ? CLEAN : FOUND_ELSEWHERE;
    }

    private static void print(ResidencyReport report, PrintStream out) {
        out.printf(
                "Residency of group %s: region %s (scanned %s)%n",
                report.groupId(), report.region(), report.scannedAt());
        for (ResidencyReport.Holding holding : report.holdings()) {
            out.printf(
                    "  %-10s %-6s %s: %s%n",
                    holding.kind().id(), holding.region(), holding.location(), holding.detail());
        }
        for (ResidencyReport.Kind kind : report.unreported()) {
            out.printf("  %-10s not reported by any module yet%n", kind.id());
        }
        if (report.clean()) {
            out.println("Clean: no data of the group in any other region.");
            return;
        }
        out.println("FOUND data of the group outside its region:");
        for (ResidencyReport.Finding finding : report.elsewhere()) {
            out.printf(
                    "  %-10s %-6s %s: %s, %d item(s)%n",
                    finding.kind().id(), finding.region(), finding.location(), finding.place(), finding.count());
        }
    }
}
