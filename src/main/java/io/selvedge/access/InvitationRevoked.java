package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** An invitation was revoked before it was accepted. */
public record InvitationRevoked(UUID groupId, UUID invitationId, AuditActor auditActor, RequestOrigin auditOrigin)
        implements InvitationEvent {

    @Override
    public String auditAction() {
        return "invitation.revoked";
    }
}
