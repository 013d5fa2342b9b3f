package io.selvedge.identity.internal;

import io.selvedge.identity.MfaRequirement;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Identity's own rule: platform staff must use MFA. */
@Component
@RequiredArgsConstructor
class StaffMfaRequirement implements MfaRequirement {

    private final Accounts accounts;

    @Override
    public boolean requiredFor(UUID accountId) {
        return accounts.findById(accountId)
                .map(account -> account.staffRole() != null)
                .orElse(false);
    }
}
