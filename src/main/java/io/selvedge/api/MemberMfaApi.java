package io.selvedge.api;

import io.selvedge.access.Action;
import io.selvedge.access.Grants;
import io.selvedge.access.MemberMfaReset;
import io.selvedge.access.Requires;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.identity.MfaResets;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/v1/groups/{groupId}/members/{userId}/mfa}: a group admin resets the MFA of a member of
 * their group (every second factor removed, sessions and tokens ended: they enrol again). Audited.
 */
@RestController
class MemberMfaApi {

    private final Grants grants;
    private final Callers callers;
    private final MfaResets resets;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;

    MemberMfaApi(
            Grants grants,
            Callers callers,
            MfaResets resets,
            ApplicationEventPublisher events,
            TransactionOperations transactions) {
        this.grants = grants;
        this.callers = callers;
        this.resets = resets;
        this.events = events;
        this.transactions = transactions;
    }

    @DeleteMapping("/api/v1/groups/{groupId}/members/{userId}/mfa")
    @Requires(value = Action.CHANGE_SECURITY_POLICY, target = "groupId")
    ResponseEntity<Void> reset(@PathVariable UUID groupId, @PathVariable UUID userId) {
        Caller admin = callers.current().orElseThrow();
        boolean member = grants.grantsIn(groupId).stream()
                .anyMatch(grant -> grant.accountId().equals(userId));
        if (!member) {
            throw new ErrorResponseException(
                    HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(
                            HttpStatus.NOT_FOUND, "This account is not a member of the group."),
                    null);
        }
        transactions.executeWithoutResult(tx -> {
            resets.reset(userId, admin.accountId());
            events.publishEvent(new MemberMfaReset(groupId, userId, admin.accountId(), RequestOrigin.current()));
        });
        return ResponseEntity.noContent().build();
    }
}
