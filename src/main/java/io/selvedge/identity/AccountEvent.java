package io.selvedge.identity;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.PlatformEvent;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to one account, by default done by the account itself: audited on the platform
 * trail, with the account as target. The account is null where none is known (a sign-in attempt for an
 * unknown username); the system is then the actor.
 */
public interface AccountEvent extends PlatformEvent {

    @Nullable
    UUID accountId();

    @Override
    default AuditActor auditActor() {
        return AuditActor.accountOrSystem(accountId());
    }

    @Override
    default AuditTarget auditTarget() {
        return AuditTarget.of("account", accountId());
    }
}
