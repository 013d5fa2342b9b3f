package io.selvedge.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.SelvedgeApplication;
import io.selvedge.testing.ChildJvm;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code java -jar selvedge.jar push} is a client: the main method runs it before any Spring context. */
class PushCommandLineTest {

    @Test
    void pushRunsWithoutStartingTheApplication() throws Exception {
        ChildJvm.Run run = ChildJvm.ofMain(SelvedgeApplication.class)
                .arguments("push", "--server", "https://localhost:1", "coat.glb")
                .run(Duration.ofSeconds(60));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output())
                .contains("--server and --style are required.")
                .contains("Usage: java -jar selvedge.jar push")
                .doesNotContain("SelvedgeApplication")
                .doesNotContain("Spring");
    }

    @Test
    void helpListsPush() throws Exception {
        ChildJvm.Run run =
                ChildJvm.ofMain(SelvedgeApplication.class).arguments("help").run(Duration.ofSeconds(60));

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("push       upload files as new versions of a style");
    }
}
