package io.selvedge.collab.internal;

import io.selvedge.access.RoleGranted;
import io.selvedge.collab.ApprovalRecorded;
import io.selvedge.collab.CommentPosted;
import io.selvedge.collab.NotificationKind;
import io.selvedge.content.NoSuchContentException;
import io.selvedge.content.VersionUploaded;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Turns mentions, approvals, new versions of followed styles and shares into notifications. */
@Component
class NotificationListeners {

    private final NotificationService notifications;

    NotificationListeners(NotificationService notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(CommentPosted event) {
        notifications.notify(
                event.mentioned(),
                NotificationKind.MENTION,
                event.groupId(),
                event.styleId(),
                event.commentId(),
                event.actor());
    }

    @ApplicationModuleListener
    void on(ApprovalRecorded event) {
        try {
            notifications.notify(
                    notifications.followers(event.styleId()),
                    NotificationKind.APPROVAL,
                    event.groupId(),
                    event.styleId(),
                    event.approvalId(),
                    event.actor());
        } catch (NoSuchContentException e) {
            // purged meanwhile: nobody to tell
        }
    }

    @ApplicationModuleListener
    void on(VersionUploaded event) {
        try {
            notifications.notify(
                    notifications.followers(event.styleId()),
                    NotificationKind.NEW_VERSION,
                    event.groupId(),
                    event.styleId(),
                    event.versionId(),
                    event.actor());
        } catch (NoSuchContentException e) {
            // purged meanwhile
        }
    }

    @ApplicationModuleListener
    void on(RoleGranted event) {
        if (event.role().byShare() && event.grantedBy() != null) {
            notifications.notify(
                    Set.of(event.accountId()),
                    NotificationKind.SHARE,
                    event.groupId(),
                    event.nodeId(),
                    null,
                    event.grantedBy());
        }
    }
}
