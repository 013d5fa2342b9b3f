package io.selvedge.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.platform.EveryNode;
import io.selvedge.testing.SelvedgeClasses;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every scheduled job runs on one node at a time (a lock of its own name), or says why it runs on every node. */
class ScheduledJobsTest {

    @Test
    void everyScheduledJobHasALockOfItsOwnOrRunsOnEveryNodeForAReason() throws Exception {
        List<Method> jobs = new ArrayList<>();
        for (Class<?> component : SelvedgeClasses.annotatedWith("io.selvedge", Component.class)) {
            for (Method method : component.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Scheduled.class)) {
                    jobs.add(method);
                }
            }
        }
        assertThat(jobs).as("the scan found the jobs").hasSizeGreaterThanOrEqualTo(8);

        Set<String> names = new HashSet<>();
        for (Method job : jobs) {
            SchedulerLock lock = job.getAnnotation(SchedulerLock.class);
            EveryNode everyNode = job.getAnnotation(EveryNode.class);
            String where = job.getDeclaringClass().getSimpleName() + "." + job.getName();
            assertThat(lock != null ^ everyNode != null)
                    .as(where + ": @SchedulerLock, or @EveryNode with a reason")
                    .isTrue();
            if (lock != null) {
                assertThat(names.add(lock.name()))
                        .as(where + ": a lock name of its own")
                        .isTrue();
                assertThat(lock.lockAtMostFor())
                        .as(where + ": how long a dead node holds it")
                        .isNotBlank();
            } else {
                assertThat(everyNode.value()).isNotBlank();
            }
        }
    }
}
