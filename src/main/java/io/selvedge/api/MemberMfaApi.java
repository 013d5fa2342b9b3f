package io.selvedge.api;

import io.selvedge.access.Action;
import io.selvedge.access.MemberMfaResets;
import io.selvedge.access.Requires;
import io.selvedge.access.StaffMfaResets;
import io.selvedge.platform.AnyCaller;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/v1/groups/{groupId}/members/{userId}/mfa}: a group admin resets the MFA of an account
 * their group manages (every second factor removed, sessions and tokens ended: they enrol again), and
 * {@code DELETE /api/v1/admin/accounts/{userId}/mfa}: platform support resets one no group manages. Audited.
 */
@RestController
@RequiredArgsConstructor
class MemberMfaApi {

    private final MemberMfaResets resets;
    private final StaffMfaResets staffResets;

    @DeleteMapping("/api/v1/groups/{groupId}/members/{userId}/mfa")
    @Requires(value = Action.MANAGE_ACCOUNTS, target = "groupId")
    ResponseEntity<Void> reset(@PathVariable UUID groupId, @PathVariable UUID userId) {
        resets.reset(groupId, userId);
        return ResponseEntity.noContent().build();
    }

    /** Platform support resets the MFA of an account no group manages; on the platform trail. */
    @DeleteMapping("/api/v1/admin/accounts/{userId}/mfa")
    @AnyCaller("platform support and platform admins only, checked by the service; accounts no group manages")
    ResponseEntity<Void> resetAsStaff(@PathVariable UUID userId) {
        staffResets.reset(userId);
        return ResponseEntity.noContent().build();
    }
}
