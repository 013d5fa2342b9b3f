package io.selvedge.access.internal;

import io.selvedge.access.ActionDeniedException;
import io.selvedge.access.EmailDomains;
import io.selvedge.access.GrantRefusedException;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.StaffMfaResets;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.identity.MfaResets;
import io.selvedge.platform.AuditActor;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

@Service
@RequiredArgsConstructor
class StaffMfaResetService implements StaffMfaResets {

    private static final Set<String> MAY_RESET = Set.of(Callers.PLATFORM_ADMIN, "STAFF_SUPPORT");

    private final Callers callers;
    private final EmailDomains domains;
    private final MfaResets resets;
    private final TransactionOperations transactions;

    @Override
    public void reset(UUID accountId) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Caller staff = callers.of(authentication).filter(Caller::staff).orElseThrow(ActionDeniedException::new);
        boolean support = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(MAY_RESET::contains);
        if (!support) {
            throw new ActionDeniedException("Only platform support or a platform admin resets an account's MFA.");
        }
        Caller account = callers.byId(accountId).filter(found -> !found.staff()).orElseThrow(NotVisibleException::new);
        if (domains.managingGroupOf(account.accountId()).isPresent()) {
            throw new GrantRefusedException("A group manages this account: its group admins reset its MFA.");
        }
        transactions.executeWithoutResult(
                tx -> resets.reset(account.accountId(), AuditActor.account(staff.accountId())));
    }
}
