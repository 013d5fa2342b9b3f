package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A role was granted (or changed) on a node, a share included.
 *
 * @param grantedBy the granting account; null when the system granted it (a group's creator)
 * @param auditActor the account whose action made the grant, named on the audit trail: the granting account,
 *     or, for a group's creator made its admin, the creator who created the group
 */
public record RoleGranted(
        UUID groupId,
        UUID nodeId,
        Level level,
        UUID accountId,
        Role role,
        boolean allowDownload,
        boolean allowUpload,
        @Nullable UUID grantedBy,
        AuditActor auditActor,
        RequestOrigin auditOrigin)
        implements MemberEvent {

    @Override
    public String auditAction() {
        return "role.granted";
    }
}
