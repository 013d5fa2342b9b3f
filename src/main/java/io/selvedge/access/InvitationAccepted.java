package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** An invitation was accepted: {@code accountId} (new, or an existing account that signed in) now holds the role. */
public record InvitationAccepted(
        UUID groupId,
        UUID invitationId,
        UUID nodeId,
        Role role,
        UUID accountId,
        boolean newAccount,
        RequestOrigin auditOrigin)
        implements InvitationEvent {

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(accountId);
    }

    @Override
    public String auditAction() {
        return "invitation.accepted";
    }
}
