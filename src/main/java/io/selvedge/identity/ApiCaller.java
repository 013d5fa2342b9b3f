package io.selvedge.identity;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/** Who sent an API request, as its token says: the principal of the API's authentication. */
public record ApiCaller(
        UUID accountId,
        String username,
        String staffRole,
        boolean mfaEnrolled,
        boolean mfaRequired,
        UUID tokenId,
        Set<ApiScope> scopes)
        implements Serializable {

    public ApiCaller {
        scopes = Set.copyOf(scopes);
    }

    /**
     * An account that must use MFA ({@link MfaRequirement}: platform staff, group admins...) reaches only
     * {@code /me} and the enrolment endpoints until it enrols.
     */
    public boolean mustEnrolMfa() {
        return mfaRequired && !mfaEnrolled;
    }
}
