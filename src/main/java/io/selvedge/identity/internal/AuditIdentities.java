package io.selvedge.identity.internal;

import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.TargetNames;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Accounts on the audit trail: an account's username as the readable name of an {@code account} target.
 * (Who acted is no thread's state: each change names its actor, a {@code platform.AuditActor}.)
 */
@Component
@RequiredArgsConstructor
class AuditIdentities implements TargetNames {

    private final Accounts accounts;

    @Override
    public Optional<String> nameOf(AuditTarget target) {
        if (!target.kind().equals("account") || target.id() == null) {
            return Optional.empty();
        }
        try {
            return accounts.findById(UUID.fromString(target.id())).map(Account::username);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
