package io.selvedge.api;

import io.selvedge.access.Action;
import io.selvedge.access.ManagedAccountActions;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.Requires;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AuditActor;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The managing group's admins act on the accounts their group manages (the address is in a domain the group
 * verified): {@code POST /groups/{id}/accounts/{accountId}/disable} and {@code .../enable}, {@code DELETE
 * /groups/{id}/accounts/{accountId}}, {@code DELETE .../sessions} and {@code DELETE .../tokens}. Any other
 * account, existing or not, answers 404. Audited on the group's trail.
 */
@RestController
@RequiredArgsConstructor
class ManagedAccountsApi {

    private static final String ACCOUNT = "/api/v1/groups/{groupId}/accounts/{accountId}";

    private final ManagedAccountActions actions;
    private final Callers callers;

    @PostMapping(ACCOUNT + "/disable")
    @Requires(value = Action.MANAGE_ACCOUNTS, target = "groupId")
    ResponseEntity<Void> disable(@PathVariable UUID groupId, @PathVariable UUID accountId) {
        actions.disable(groupId, accountId, admin());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(ACCOUNT + "/enable")
    @Requires(value = Action.MANAGE_ACCOUNTS, target = "groupId")
    ResponseEntity<Void> enable(@PathVariable UUID groupId, @PathVariable UUID accountId) {
        actions.enable(groupId, accountId, admin());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(ACCOUNT)
    @Requires(value = Action.MANAGE_ACCOUNTS, target = "groupId")
    ResponseEntity<Void> delete(@PathVariable UUID groupId, @PathVariable UUID accountId) {
        actions.delete(groupId, accountId, admin());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(ACCOUNT + "/sessions")
    @Requires(value = Action.MANAGE_ACCOUNTS, target = "groupId")
    Ended endSessions(@PathVariable UUID groupId, @PathVariable UUID accountId) {
        return new Ended(actions.endSessions(groupId, accountId, admin()));
    }

    @DeleteMapping(ACCOUNT + "/tokens")
    @Requires(value = Action.MANAGE_ACCOUNTS, target = "groupId")
    Ended revokeTokens(@PathVariable UUID groupId, @PathVariable UUID accountId) {
        return new Ended(actions.revokeTokens(groupId, accountId, admin()));
    }

    private AuditActor admin() {
        return callers.current()
                .map(caller -> AuditActor.account(caller.accountId()))
                .orElseThrow(NotVisibleException::new);
    }

    /** How many sessions or tokens were ended. */
    record Ended(int ended) {}
}
