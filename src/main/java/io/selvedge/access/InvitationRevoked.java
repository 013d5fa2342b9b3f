package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** An invitation was revoked before it was accepted. */
public record InvitationRevoked(UUID groupId, UUID invitationId, UUID revokedBy, RequestOrigin origin)
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(revokedBy);
    }

    @Override
    public String auditAction() {
        return "invitation.revoked";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("invitation", invitationId);
    }

    @Override
    public RequestOrigin auditOrigin() {
        return origin;
    }
}
