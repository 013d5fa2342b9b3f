package io.selvedge.identity.internal;

import io.selvedge.identity.ApiCaller;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** API callers carry their account id; a web session's principal is a username, looked up. */
@Service
@RequiredArgsConstructor
class AccountCallers implements Callers {

    private final Accounts accounts;

    @Override
    public Optional<Caller> of(@Nullable Authentication authentication) {
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof ApiCaller api) {
            return Optional.of(new Caller(api.accountId(), api.staffRole() != null));
        }
        return accounts.findByUsername(authentication.getName())
                .filter(account -> account.status() == AccountStatus.ACTIVE)
                .map(account -> new Caller(account.id(), account.staffRole() != null));
    }

    @Override
    public Optional<Caller> byId(UUID accountId) {
        return accounts.findById(accountId)
                .filter(account -> account.status() == AccountStatus.ACTIVE)
                .map(account -> new Caller(account.id(), account.staffRole() != null));
    }

    @Override
    public Optional<Caller> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }
}
