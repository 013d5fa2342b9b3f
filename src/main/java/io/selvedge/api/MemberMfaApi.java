package io.selvedge.api;

import io.selvedge.access.Action;
import io.selvedge.access.MemberMfaResets;
import io.selvedge.access.Requires;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/v1/groups/{groupId}/members/{userId}/mfa}: a group admin resets the MFA of a member of
 * their group (every second factor removed, sessions and tokens ended: they enrol again). Audited.
 */
@RestController
class MemberMfaApi {

    private final MemberMfaResets resets;

    MemberMfaApi(MemberMfaResets resets) {
        this.resets = resets;
    }

    @DeleteMapping("/api/v1/groups/{groupId}/members/{userId}/mfa")
    @Requires(value = Action.CHANGE_SECURITY_POLICY, target = "groupId")
    ResponseEntity<Void> reset(@PathVariable UUID groupId, @PathVariable UUID userId) {
        resets.reset(groupId, userId);
        return ResponseEntity.noContent().build();
    }
}
