package io.selvedge.access.internal;

import io.selvedge.access.EmailDomains;
import io.selvedge.access.Grants;
import io.selvedge.access.MemberMfaReset;
import io.selvedge.access.MemberMfaResets;
import io.selvedge.access.NotVisibleException;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.identity.MfaResets;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

@Service
@RequiredArgsConstructor
class MemberMfaResetService implements MemberMfaResets {

    private final Grants grants;
    private final EmailDomains domains;
    private final Callers callers;
    private final MfaResets resets;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;

    @Override
    public void reset(UUID groupId, UUID memberId) {
        Caller admin = callers.current().orElseThrow(NotVisibleException::new);
        boolean managed =
                domains.managingGroupOf(memberId).filter(groupId::equals).isPresent();
        if (!managed) {
            boolean member = grants.grantsIn(groupId).stream()
                    .anyMatch(grant -> grant.accountId().equals(memberId));
            if (!member) {
                throw new NotAMemberException();
            }
            throw new NotManagedException();
        }
        transactions.executeWithoutResult(tx -> {
            resets.reset(memberId, AuditActor.account(admin.accountId()));
            events.publishEvent(new MemberMfaReset(
                    groupId, memberId, AuditActor.account(admin.accountId()), RequestOrigin.current()));
        });
    }
}
