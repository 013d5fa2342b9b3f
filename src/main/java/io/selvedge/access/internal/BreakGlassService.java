package io.selvedge.access.internal;

import io.selvedge.access.Action;
import io.selvedge.access.BreakGlassAccounts;
import io.selvedge.access.BreakGlassAccountsChanged;
import io.selvedge.access.EmailDomains;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.SecurityPolicyRefusedException;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountSummary;
import io.selvedge.identity.Caller;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupWrites;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** {@link BreakGlassAccounts}: kept in the group's region beside its policy, checked against it. */
@Service
@RequiredArgsConstructor
class BreakGlassService implements BreakGlassAccounts {

    static final int MOST = 10;

    private final BreakGlassRepository records;
    private final GrantRepository grants;
    private final PolicyRepository policies;
    private final DecisionPoint decisions;
    private final EmailDomains domains;
    private final AccountDirectory accounts;
    private final GroupWrites writes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Override
    public List<UUID> of(UUID groupId) {
        return records.of(groupId);
    }

    @Override
    public boolean isBreakGlass(UUID groupId, UUID accountId) {
        return records.of(groupId).contains(accountId);
    }

    @Override
    public List<UUID> name(UUID groupId, List<UUID> accountIds) {
        decisions.require(Action.CHANGE_SECURITY_POLICY, groupId);
        Caller author = decisions.caller().orElseThrow(NotVisibleException::new);
        List<UUID> named = List.copyOf(new LinkedHashSet<>(accountIds));
        if (named.size() > MOST) {
            throw SecurityPolicyRefusedException.invalid("Name at most " + MOST + " break-glass accounts.");
        }
        for (UUID accountId : named) {
            AccountSummary account = accounts.account(accountId)
                    .orElseThrow(
                            () -> SecurityPolicyRefusedException.invalid("There is no account " + accountId + "."));
            if (!domains.managingGroupOf(accountId).map(groupId::equals).orElse(false)) {
                throw SecurityPolicyRefusedException.invalid("A break-glass account is one the group manages (its"
                        + " address is in one of the group's verified domains): " + accountId + " is not.");
            }
            if (!account.mfaEnrolled()) {
                throw SecurityPolicyRefusedException.invalid(
                        "A break-glass account must use MFA: " + accountId + " has no second factor yet.");
            }
        }
        GroupDataPlane plane = grants.plane(groupId).orElseThrow(NotVisibleException::new);
        if (named.isEmpty()
                && !policies.policy(groupId, grants.version(groupId)).passwordSignIn()
                && !records.of(groupId).isEmpty()) {
            throw SecurityPolicyRefusedException.invalid("The group admits single sign-on only: keep at least one"
                    + " break-glass account, so an outage of the identity provider cannot lock the group out.");
        }
        writes.run(plane.groupId(), tx -> {
            records.replace(plane.jdbc(), groupId, named, author.accountId(), clock.instant());
            events.publishEvent(new BreakGlassAccountsChanged(
                    groupId, AuditActor.account(author.accountId()), named.size(), RequestOrigin.current()));
        });
        decisions.forgetRequestDecisions();
        return records.of(groupId);
    }
}
