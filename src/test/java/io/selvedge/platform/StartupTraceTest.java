package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.metrics.StartupStep;

/** The startup trace ranks steps by their own time, their children's taken out, and names their tags. */
class StartupTraceTest {

    @Test
    void aParentWhoseTimeWasItsChildsRanksBelowTheChild() throws InterruptedException {
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100);
        StartupStep parent = startup.start("spring.beans.instantiate").tag("beanName", "stores");
        StartupStep child = startup.start("spring.beans.instantiate").tag("beanName", "flyway");
        Thread.sleep(60);
        child.end();
        Thread.sleep(5);
        parent.end();
        GenericApplicationContext context = new GenericApplicationContext();
        context.setApplicationStartup(startup);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        StartupTrace.printIfRecorded(context, new PrintStream(printed, true, StandardCharsets.UTF_8), 2);

        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains("spring.beans.instantiate [beanName=flyway]");
        assertThat(lines.get(2)).contains("spring.beans.instantiate [beanName=stores]");
    }

    @Test
    void nothingIsPrintedWhenNoTraceWasAskedFor() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        StartupTrace.printIfRecorded(
                new GenericApplicationContext(), new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(printed.size()).isZero();
    }
}
