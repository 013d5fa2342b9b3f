package io.selvedge.api;

import io.selvedge.access.Action;
import io.selvedge.access.BreakGlassAccounts;
import io.selvedge.access.Requires;
import io.selvedge.access.SecurityPolicyRefusedException;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET} and {@code PUT /api/v1/groups/{id}/security-policy/break-glass-accounts} {@code {accountIds}}:
 * the managed accounts (with MFA) that keep their password when the group admits single sign-on only.
 */
@RestController
@RequiredArgsConstructor
class BreakGlassApi {

    private final BreakGlassAccounts breakGlass;

    @GetMapping("/api/v1/groups/{groupId}/security-policy/break-glass-accounts")
    @Requires(value = Action.VIEW_GROUP_SETTINGS, target = "groupId")
    BreakGlassBody get(@PathVariable UUID groupId) {
        return new BreakGlassBody(breakGlass.of(groupId));
    }

    @PutMapping("/api/v1/groups/{groupId}/security-policy/break-glass-accounts")
    @Requires(value = Action.CHANGE_SECURITY_POLICY, target = "groupId")
    BreakGlassBody put(@PathVariable UUID groupId, @RequestBody BreakGlassRequest request) {
        if (request.accountIds() == null || request.accountIds().contains(null)) {
            throw SecurityPolicyRefusedException.invalid("Give accountIds: the ids of the break-glass accounts.");
        }
        return new BreakGlassBody(breakGlass.name(groupId, request.accountIds()));
    }

    record BreakGlassRequest(@Nullable @Size(max = 100) List<UUID> accountIds) {}

    record BreakGlassBody(List<UUID> accountIds) {}
}
