package io.selvedge.content.internal;

import io.selvedge.content.Renders;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On a schedule (one node at a time), marks the 3D versions whose render was asked of a viewer who has not
 * sent it within the wait (a page closed early, a browser without WebGL), so that the next viewer's page
 * renders it instead.
 */
@Component
@RequiredArgsConstructor
class UnrenderedVersions {

    private static final Logger log = LoggerFactory.getLogger(UnrenderedVersions.class);

    private final Renders renders;

    @Scheduled(
            fixedDelayString = "${selvedge.content.renders.check-interval:5m}",
            initialDelayString = "${selvedge.content.renders.check-interval:5m}")
    @SchedulerLock(name = "content.unrendered-versions", lockAtMostFor = "10m")
    void markUnrendered() {
        int marked = renders.markUnrendered();
        if (marked > 0) {
            log.info("Marked {} versions without a render, to be rendered by their next viewer", marked);
        }
    }
}
