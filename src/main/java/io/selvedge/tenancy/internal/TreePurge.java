package io.selvedge.tenancy.internal;

import io.selvedge.tenancy.Tree;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Purges the nodes whose restore window has passed, on a schedule. */
@Component
@RequiredArgsConstructor
class TreePurge {

    private static final Logger log = LoggerFactory.getLogger(TreePurge.class);

    private final Tree tree;

    @Scheduled(
            fixedDelayString = "${selvedge.tenancy.purge-check-interval:1h}",
            initialDelayString = "${selvedge.tenancy.purge-check-interval:1h}")
    @SchedulerLock(name = "tenancy.tree-purge", lockAtMostFor = "1h")
    void purgeExpired() {
        int purged = tree.purgeExpired();
        if (purged > 0) {
            log.info("Purged {} deleted nodes past their restore window", purged);
        }
    }
}
