package io.selvedge.access.internal;

import io.selvedge.identity.MfaRequirement;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Identity's MFA requirement, from the groups: a group admin must use MFA, and so must every member of a
 * group whose security policy requires it (cached per account, see {@link PolicyService}).
 */
@Component
@RequiredArgsConstructor
class GroupMfaRequirement implements MfaRequirement {

    private final PolicyService policies;

    @Override
    public boolean requiredFor(UUID accountId) {
        return policies.mfaRequiredFor(accountId);
    }
}
