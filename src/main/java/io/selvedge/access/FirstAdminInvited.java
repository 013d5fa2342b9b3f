package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.PlatformEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/**
 * Platform staff invited the first admin of a customer's group (the first-run path of a new
 * installation). On the platform trail, where staff actions are kept; the group's own trail has the
 * {@link InvitationSent}. Ids only: never the address.
 */
public record FirstAdminInvited(UUID groupId, UUID invitationId, UUID staffAccount, RequestOrigin auditOrigin)
        implements PlatformEvent {

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(staffAccount);
    }

    @Override
    public String auditAction() {
        return "group.first-admin-invited";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("group", groupId);
    }
}
