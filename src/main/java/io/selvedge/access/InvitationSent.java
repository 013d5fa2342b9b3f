package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** An invitation was sent (or sent again: {@code resent}) to an e-mail address, with a role on a node. Carries ids only: never the address. */
public record InvitationSent(
        UUID groupId, UUID invitationId, UUID nodeId, Role role, UUID invitedBy, boolean resent, RequestOrigin origin)
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(invitedBy);
    }

    @Override
    public String auditAction() {
        return "invitation.sent";
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
