package io.selvedge.scim;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.GroupEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/**
 * The group's directory changed a user or a group through SCIM, with the token it used.
 *
 * @param change what, as {@code user.created}, {@code user.updated}, {@code user.deactivated},
 *     {@code user.reactivated}, {@code user.deleted}, {@code group.created}, {@code group.updated},
 *     {@code group.member-added}, {@code group.member-removed}, {@code group.deleted}
 * @param targetKind {@code account} or {@code scim-group}
 */
public record ScimChanged(
        UUID groupId, UUID tokenId, String change, String targetKind, UUID targetId, RequestOrigin origin)
        implements GroupEvent {

    @Override
    public AuditActor auditActor() {
        return AuditActor.scimClient(tokenId);
    }

    @Override
    public String auditAction() {
        return "scim." + change;
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of(targetKind, targetId);
    }

    @Override
    public RequestOrigin auditOrigin() {
        return origin;
    }
}
