package io.selvedge.monitoring.internal;

import java.util.List;

/** An alert as a console page shows it: with its timeline and the address of its detection's runbook. */
record AlertLine(Alert alert, List<Alert.Step> timeline, String runbook) {

    /** Whether the runbook is a web address to link to, rather than a path in the repository to show. */
    public boolean runbookIsLink() {
        return runbook.startsWith("https://") || runbook.startsWith("http://");
    }
}
