package io.selvedge.access.internal;

import io.selvedge.access.AccessRequest;
import io.selvedge.access.AccessScope;
import io.selvedge.access.Authorization;
import io.selvedge.access.EmailDomains;
import io.selvedge.access.GrantRefusedException;
import io.selvedge.access.Grants;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.StaffSupportActed;
import io.selvedge.access.SupportMfaResets;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.identity.MfaResets;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

@Service
@RequiredArgsConstructor
class SupportMfaResetService implements SupportMfaResets {

    private final Authorization authorization;
    private final Grants grants;
    private final EmailDomains domains;
    private final Callers callers;
    private final MfaResets resets;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;

    @Override
    public void reset(UUID groupId, UUID accountId) {
        AccessRequest open = authorization.requireStaffScope(AccessScope.SUPPORT_ACTIONS, groupId);
        Caller staff = callers.current().filter(Caller::staff).orElseThrow(NotVisibleException::new);
        boolean collaborator = grants.grantsIn(groupId).stream()
                .filter(grant -> grant.accountId().equals(accountId))
                .anyMatch(grant -> authorization.inStaffScope(open, grant.nodeId()));
        if (!collaborator) {
            // Not an outside collaborator on the node of the access request or below: not theirs to see.
            throw new NotVisibleException();
        }
        Optional<UUID> managing = domains.managingGroupOf(accountId);
        if (managing.filter(groupId::equals).isPresent()) {
            throw new GrantRefusedException("This group manages the account: its group admins reset its MFA.");
        }
        if (managing.isPresent()) {
            throw new GrantRefusedException(
                    "Another organisation manages this account: its own group admins reset its MFA.");
        }
        transactions.executeWithoutResult(tx -> {
            resets.reset(accountId, AuditActor.account(staff.accountId()));
            for (StaffSupportActed entry : StaffSupportActed.onBothTrails(
                    open, staff.accountId(), "mfa-reset", AuditTarget.of("account", accountId))) {
                events.publishEvent(entry);
            }
        });
    }
}
