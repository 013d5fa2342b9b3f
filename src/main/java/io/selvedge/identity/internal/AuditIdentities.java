package io.selvedge.identity.internal;

import io.selvedge.identity.ApiCaller;
import io.selvedge.identity.Usernames;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditActors;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.TargetNames;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Accounts on the audit trail: who acts on this thread (the API token's account, or the signed-in
 * session's), and an account's username as the readable name of an {@code account} target.
 */
@Component
class AuditIdentities implements AuditActors, TargetNames {

    private final Accounts accounts;

    AuditIdentities(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public AuditActor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return AuditActor.system();
        }
        if (authentication.getPrincipal() instanceof ApiCaller caller) {
            return AuditActor.account(caller.accountId());
        }
        // A session's principal names the account; an unknown name still acted as an account.
        return accounts.findByUsername(Usernames.normalise(authentication.getName()))
                .map(account -> AuditActor.account(account.id()))
                .orElse(new AuditActor(AuditActor.Kind.ACCOUNT, null));
    }

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
