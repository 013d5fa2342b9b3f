package io.selvedge.identity;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/**
 * The installation got a platform admin, from the bootstrap settings or the setup link. On the platform
 * trail: the system acts for the bootstrap settings, the new admin for the setup link.
 */
public record PlatformAdminCreated(UUID accountId, String username, String via, RequestOrigin auditOrigin)
        implements AccountEvent {

    public PlatformAdminCreated(UUID accountId, String username, String via) {
        this(accountId, username, via, RequestOrigin.current());
    }

    @Override
    public AuditActor auditActor() {
        return via.equals("setup link") ? AuditActor.account(accountId) : AuditActor.system();
    }

    @Override
    public String auditAction() {
        return "platform-admin.created";
    }
}
