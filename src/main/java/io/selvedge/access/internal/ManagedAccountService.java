package io.selvedge.access.internal;

import io.selvedge.access.EmailDomains;
import io.selvedge.access.GrantRefusedException;
import io.selvedge.access.ManagedAccountActions;
import io.selvedge.access.ManagedAccountActions.NotManagedHereException;
import io.selvedge.access.ManagedAccountChanged;
import io.selvedge.access.Role;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.ManagedAccounts;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import java.util.function.IntSupplier;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * {@link ManagedAccountActions}: the account's change in the global store and its entry for the managing
 * group's trail in one transaction (the event reaches the group's region after it commits).
 */
@Service
@RequiredArgsConstructor
class ManagedAccountService implements ManagedAccountActions {

    private final EmailDomains domains;
    private final ManagedAccounts accounts;
    private final AccountDirectory directory;
    private final GrantService grants;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;

    @Override
    public boolean manages(UUID groupId, UUID accountId) {
        // Platform staff are nobody's managed account, whatever their address.
        boolean customer = directory
                .account(accountId)
                .filter(account -> account.staffRole() == null)
                .isPresent();
        return customer
                && domains.managingGroupOf(accountId).filter(groupId::equals).isPresent();
    }

    @Override
    public void disable(UUID groupId, UUID accountId, AuditActor by) {
        changed(groupId, accountId, by, "disabled", () -> accounts.disable(accountId) ? 1 : 0);
    }

    @Override
    public void enable(UUID groupId, UUID accountId, AuditActor by) {
        changed(groupId, accountId, by, "enabled", () -> accounts.enable(accountId) ? 1 : 0);
    }

    @Override
    public void delete(UUID groupId, UUID accountId, AuditActor by) {
        requireManaged(groupId, accountId);
        boolean lastAdmin = grants.grantsIn(groupId).stream()
                .filter(grant ->
                        grant.role() == Role.GROUP_ADMIN && grant.nodeId().equals(groupId))
                .allMatch(grant -> grant.accountId().equals(accountId));
        if (lastAdmin) {
            throw new GrantRefusedException("The group's last admin cannot be deleted.");
        }
        grants.dropAllOf(accountId);
        changed(groupId, accountId, by, "deleted", () -> accounts.delete(accountId) ? 1 : 0);
    }

    @Override
    public int endSessions(UUID groupId, UUID accountId, AuditActor by) {
        return changed(groupId, accountId, by, "sessions-ended", () -> accounts.endSessions(accountId));
    }

    @Override
    public int revokeTokens(UUID groupId, UUID accountId, AuditActor by) {
        return changed(groupId, accountId, by, "tokens-revoked", () -> accounts.revokeTokens(accountId));
    }

    private int changed(UUID groupId, UUID accountId, AuditActor by, String change, IntSupplier work) {
        requireManaged(groupId, accountId);
        Integer result = transactions.execute(tx -> {
            int done = work.getAsInt();
            events.publishEvent(new ManagedAccountChanged(groupId, accountId, change, by, RequestOrigin.current()));
            return done;
        });
        return result == null ? 0 : result;
    }

    /** Another group's account, or none at all, is not found: nothing says which. */
    private void requireManaged(UUID groupId, UUID accountId) {
        if (!manages(groupId, accountId)) {
            throw new NotManagedHereException();
        }
    }
}
