package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** An invitation was sent (or sent again: {@code resent}) to an e-mail address, with a role on a node. Carries ids only: never the address. */
public record InvitationSent(
        UUID groupId,
        UUID invitationId,
        UUID nodeId,
        Role role,
        AuditActor auditActor,
        boolean resent,
        RequestOrigin auditOrigin)
        implements InvitationEvent {

    @Override
    public String auditAction() {
        return "invitation.sent";
    }
}
