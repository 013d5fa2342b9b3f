package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * A role was granted (or changed) on a node, a share included.
 *
 * @param grantedBy the granting account; null when the system granted it (a group's creator)
 * @param actor the account whose action made the grant, named on the audit trail: the granting account,
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
        UUID actor,
        RequestOrigin origin)
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(actor);
    }

    @Override
    public String auditAction() {
        return "role.granted";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("account", accountId);
    }

    @Override
    public AuditOutcome auditOutcome() {
        return AuditOutcome.SUCCEEDED;
    }

    @Override
    public RequestOrigin auditOrigin() {
        return origin;
    }
}
