package io.selvedge.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a person sees while a file is pushed: a bar on a terminal, plain lines in a log. */
class ProgressTest {

    private static final int MIB = 1024 * 1024;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final UUID version = UUID.fromString("8b5e4c1e-3f6a-4c2d-9a0b-1c2d3e4f5a6b");

    @Test
    void aTerminalShowsABarRedrawnInPlace() {
        Progress progress = new Progress(out, true);
        progress.start("coat.glb", 4L * MIB, 0);
        progress.at(2L * MIB);
        progress.done(version);

        String shown = text();
        assertThat(shown).contains("\r\033[Kcoat.glb [" + "#".repeat(15) + "-".repeat(15) + "] 50% 2.0 MiB of 4.0 MiB");
        assertThat(shown).endsWith("coat.glb: pushed as version " + version + System.lineSeparator());
    }

    @Test
    void aLogGetsPlainLinesAtEachQuarterAndWhenResuming() {
        Progress progress = new Progress(out, false);
        progress.start("coat.glb", 4L * MIB, 0);
        progress.at(MIB);
        progress.sent(MIB / 2);
        progress.at(MIB + MIB / 2);
        progress.resumed(MIB + MIB / 2);
        progress.at(3L * MIB);
        progress.done(version);

        assertThat(text().lines())
                .containsExactly(
                        "coat.glb: pushing 4.0 MiB",
                        "coat.glb: 25% (1.0 MiB of 4.0 MiB)",
                        "coat.glb: resuming at 1.5 MiB of 4.0 MiB",
                        "coat.glb: 75% (3.0 MiB of 4.0 MiB)",
                        "coat.glb: pushed as version " + version);
        assertThat(text()).doesNotContain("\r").doesNotContain("\033");
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
