package io.selvedge.collab.internal;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.RoleGranted;
import io.selvedge.collab.ApprovalRecorded;
import io.selvedge.collab.CommentPosted;
import io.selvedge.collab.NotificationKind;
import io.selvedge.content.NoSuchContentException;
import io.selvedge.content.VersionUploaded;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns mentions, approvals, new versions of followed styles and shares into notifications. A follower
 * who may no longer view the style hears nothing of it (mentions are checked when the comment is posted).
 */
@Component
@RequiredArgsConstructor
class NotificationListeners {

    private final NotificationService notifications;
    private final Authorization authorization;

    private Set<UUID> followersWhoMayView(UUID styleId) {
        Set<UUID> followers = new LinkedHashSet<>(notifications.followers(styleId));
        followers.removeIf(
                account -> !authorization.allowedFor(account, styleId).contains(Action.VIEW));
        return followers;
    }

    @ApplicationModuleListener
    void on(CommentPosted event) {
        notifications.notify(
                event.mentioned(),
                NotificationKind.MENTION,
                event.groupId(),
                event.styleId(),
                event.commentId(),
                event.auditActor().id());
    }

    @ApplicationModuleListener
    void on(ApprovalRecorded event) {
        try {
            notifications.notify(
                    followersWhoMayView(event.styleId()),
                    NotificationKind.APPROVAL,
                    event.groupId(),
                    event.styleId(),
                    event.approvalId(),
                    event.auditActor().id());
        } catch (NoSuchContentException e) {
            // purged meanwhile: nobody to tell
        }
    }

    @ApplicationModuleListener
    void on(VersionUploaded event) {
        try {
            notifications.notify(
                    followersWhoMayView(event.styleId()),
                    NotificationKind.NEW_VERSION,
                    event.groupId(),
                    event.styleId(),
                    event.versionId(),
                    event.auditActor().id());
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
