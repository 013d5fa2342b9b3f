package io.selvedge.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.audit.AuditEntry;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.CsvLines;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExportLinesTest {

    @Test
    void cellsThatASpreadsheetWouldRunStartWithAnApostrophe() {
        for (String formula : new String[] {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(CsvLines.cell(formula)).isEqualTo("\"'" + formula + "\"");
        }
        assertThat(CsvLines.cell("plain")).isEqualTo("\"plain\"");
        assertThat(CsvLines.cell("")).isEqualTo("\"\"");
    }

    @Test
    void quotesAreDoubledAndLineBreaksStayInsideTheirCell() {
        assertThat(CsvLines.cell("a \"b\", c\r\nd")).isEqualTo("\"a \"\"b\"\", c\r\nd\"");
    }

    @Test
    void aLineHasEveryColumnOfTheHeader() {
        AuditEntry entry = new AuditEntry(
                7,
                Instant.parse("2026-11-27T01:00:00Z"),
                AuditActor.Kind.SYSTEM,
                null,
                null,
                null,
                null,
                "kek.rotated",
                "store",
                "region-eu",
                null,
                AuditOutcome.SUCCEEDED,
                null,
                "ab");

        assertThat(ExportLines.csv(entry))
                .isEqualTo("\"7\",\"2026-11-27T01:00:00Z\",\"SYSTEM\",\"\",\"\",\"\",\"\",\"kek.rotated\",\"store\","
                        + "\"region-eu\",\"\",\"SUCCEEDED\",\"\",\"ab\"\r\n");
        assertThat(ExportLines.CSV_HEADER.split(",")).hasSize(14);
        assertThat(ExportLines.json(entry))
                .startsWith("{\"seq\":7,\"time\":\"2026-11-27T01:00:00Z\",\"actorKind\":\"SYSTEM\"")
                .endsWith("\"hash\":\"ab\"}\n");
    }
}
