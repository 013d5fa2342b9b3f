package io.selvedge.platform;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Where a start's time goes: with {@code -Dselvedge.startup-trace=N} Spring records its startup steps (each
 * bean's creation, configuration classes, the refresh) and the N steps that took the longest by themselves
 * (their children's time taken out) are printed once the server is ready. Off by default; bench/README.md
 * ("Start") shows a trace.
 */
public final class StartupTrace {

    public static final String PROPERTY = "selvedge.startup-trace";

    private static final int STEPS_KEPT = 100_000;

    private StartupTrace() {}

    /** Records the start's steps if the operator asked for a trace. */
    public static void recordIfAsked(SpringApplication application) {
        if (System.getProperty(PROPERTY) != null) {
            application.setApplicationStartup(new BufferingApplicationStartup(STEPS_KEPT));
        }
    }

    /** Prints the slowest steps, as many as the operator asked for, if they were recorded. */
    public static void printIfRecorded(ConfigurableApplicationContext context, PrintStream out) {
        printIfRecorded(context, out, Integer.getInteger(PROPERTY, 25));
    }

    static void printIfRecorded(ConfigurableApplicationContext context, PrintStream out, int count) {
        if (!(context.getApplicationStartup() instanceof BufferingApplicationStartup startup)) {
            return;
        }
        List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
        Map<Long, Duration> children = new HashMap<>();
        for (TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                children.merge(parent, event.getDuration(), Duration::plus);
            }
        }
        out.printf(
                "Startup trace: the %d slowest of %d steps, by their own time (total in brackets)%n",
                count, events.size());
        events.stream()
                .sorted(Comparator.comparing((TimelineEvent event) -> own(event, children))
                        .reversed())
                .limit(count)
                .forEach(event -> out.printf(
                        "%7d ms (%6d ms) %s %s%n",
                        own(event, children).toMillis(),
                        event.getDuration().toMillis(),
                        event.getStartupStep().getName(),
                        tags(event.getStartupStep())));
    }

    private static Duration own(TimelineEvent event, Map<Long, Duration> children) {
        return event.getDuration()
                .minus(children.getOrDefault(event.getStartupStep().getId(), Duration.ZERO));
    }

    private static String tags(StartupStep step) {
        return StreamSupport.stream(step.getTags().spliterator(), false)
                .map(tag -> tag.getKey() + "=" + tag.getValue())
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
