package io.selvedge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.access.SecurityPolicies;
import io.selvedge.access.SecurityPolicy;
import io.selvedge.access.SecurityPolicyRefusedException;
import java.time.Duration;
import java.time.Instant;
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
 * {@code GET} and {@code PUT /api/v1/groups/{id}/security-policy}: MFA for all members, session limits (in
 * minutes; null for the installation's), password sign-in or single sign-on only, the IP allow-list, and
 * whether anyone holding a download link may download through it ({@code linkDownloadsForAnyone}; absent or
 * null: false, downloads through links for signed-in members of the group only).
 * Viewed by group admins and operators, changed by group admins.
 */
@RestController
@RequiredArgsConstructor
class SecurityPolicyApi {

    private final SecurityPolicies policies;

    @GetMapping("/api/v1/groups/{groupId}/security-policy")
    @Requires(value = Action.VIEW_GROUP_SETTINGS, target = "groupId")
    PolicyBody get(@PathVariable UUID groupId) {
        return PolicyBody.of(policies.policyOf(groupId));
    }

    @PutMapping("/api/v1/groups/{groupId}/security-policy")
    @Requires(value = Action.CHANGE_SECURITY_POLICY, target = "groupId")
    PolicyBody put(@PathVariable UUID groupId, @RequestBody PolicyRequest request) {
        if (request.mfaRequired() == null || request.passwordSignIn() == null) {
            throw SecurityPolicyRefusedException.invalid(
                    "Give every setting: mfaRequired and passwordSignIn (true or false), idleTimeoutMinutes and"
                            + " absoluteTimeoutMinutes (null for the installation's), ipAllowList (may be empty).");
        }
        SecurityPolicies.Change change = new SecurityPolicies.Change(
                request.mfaRequired(),
                minutes(request.idleTimeoutMinutes()),
                minutes(request.absoluteTimeoutMinutes()),
                request.passwordSignIn(),
                request.ipAllowList() == null ? List.of() : request.ipAllowList(),
                Boolean.TRUE.equals(request.linkDownloadsForAnyone()));
        return PolicyBody.of(policies.change(groupId, change, request.version()));
    }

    @Nullable
    private static Duration minutes(@Nullable Long minutes) {
        return minutes == null ? null : Duration.ofMinutes(minutes);
    }

    /** PUT's body; {@code version}, if given, must be the current one (else 409). */
    record PolicyRequest(
            @Nullable Boolean mfaRequired,
            @Nullable Long idleTimeoutMinutes,
            @Nullable Long absoluteTimeoutMinutes,
            @Nullable Boolean passwordSignIn,
            @Nullable List<String> ipAllowList,
            @Nullable Boolean linkDownloadsForAnyone,
            @Nullable Long version) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PolicyBody(
            UUID groupId,
            boolean mfaRequired,
            @Nullable Long idleTimeoutMinutes,
            @Nullable Long absoluteTimeoutMinutes,
            boolean passwordSignIn,
            List<String> ipAllowList,
            boolean linkDownloadsForAnyone,
            long version,
            @Nullable UUID changedBy,
            @Nullable Instant changedAt) {

        static PolicyBody of(SecurityPolicy policy) {
            return new PolicyBody(
                    policy.groupId(),
                    policy.mfaRequired(),
                    policy.idleTimeout() == null ? null : policy.idleTimeout().toMinutes(),
                    policy.absoluteTimeout() == null
                            ? null
                            : policy.absoluteTimeout().toMinutes(),
                    policy.passwordSignIn(),
                    policy.ipAllowList(),
                    policy.linkDownloadsForAnyone(),
                    policy.version(),
                    policy.changedBy(),
                    policy.changedAt());
        }
    }
}
