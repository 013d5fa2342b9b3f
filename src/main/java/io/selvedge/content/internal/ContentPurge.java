package io.selvedge.content.internal;

import io.selvedge.content.Styles;
import io.selvedge.content.Uploads;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.NodePurged;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges, on a schedule, the styles past their restore window (with their files) and the resumable
 * uploads past their expiry; and hands the styles of a purged workroom to the next purge, inside the
 * transaction that purged the workroom.
 */
@Component
@RequiredArgsConstructor
class ContentPurge {

    private static final Logger log = LoggerFactory.getLogger(ContentPurge.class);

    private final Styles styles;
    private final StyleService styleService;
    private final Uploads uploads;

    @Scheduled(
            fixedDelayString = "${selvedge.content.purge-check-interval:1h}",
            initialDelayString = "${selvedge.content.purge-check-interval:1h}")
    @SchedulerLock(name = "content.purge", lockAtMostFor = "1h")
    void purgeExpired() {
        int purged = styles.purgeExpired();
        int expired = uploads.purgeExpired();
        if (purged > 0 || expired > 0) {
            log.info(
                    "Purged {} deleted styles past their restore window, and {} expired uploads and orphaned parts",
                    purged,
                    expired);
        }
    }

    @EventListener
    void workroomPurged(NodePurged purged) {
        if (purged.kind() == NodeKind.WORKROOM) {
            styleService.workroomPurged(purged.groupId(), purged.nodeId());
        }
    }
}
