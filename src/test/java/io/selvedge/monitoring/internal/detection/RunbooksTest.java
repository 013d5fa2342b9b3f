package io.selvedge.monitoring.internal.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.SelvedgeClasses;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/** Every detection has its runbook page in docs/runbooks, listed in the index the consoles link to. */
class RunbooksTest {

    private static final Path RUNBOOKS = Path.of("docs/runbooks");

    /** The detection names of every component of the package that has one ({@code NAME}, or {@code RAISES}). */
    static Set<String> detections() throws ReflectiveOperationException {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : SelvedgeClasses.annotatedWith(RunbooksTest.class.getPackageName(), Component.class)) {
            if (has(type, "RAISES")) {
                names.addAll((List<String>) field(type, "RAISES").get(null));
            } else if (has(type, "NAME")) {
                names.add((String) field(type, "NAME").get(null));
            }
        }
        return names;
    }

    @Test
    void everyDetectionHasItsRunbookListedInTheIndex() throws Exception {
        Set<String> detections = detections();
        assertThat(detections).contains("password-spraying", "trail-verification-failed", "error-rate", "latency");

        String index = Files.readString(RUNBOOKS.resolve("README.md"));
        for (String detection : detections) {
            Path page = RUNBOOKS.resolve(detection + ".md");
            assertThat(page).as("the runbook of %s", detection).exists();
            assertThat(Files.readString(page)).contains("## What it means", "## How to check", "## What to do");
            assertThat(index).as("the index links %s", detection).contains("(" + detection + ".md)");
        }
    }

    private static boolean has(Class<?> type, String name) {
        try {
            type.getDeclaredField(name);
            return true;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
