package io.selvedge.identity;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/** Who sent an API request, as its token says: the principal of the API's authentication. */
public record ApiCaller(
        UUID accountId, String username, String staffRole, boolean mfaEnrolled, UUID tokenId, Set<ApiScope> scopes)
        implements Serializable {

    public ApiCaller {
        scopes = Set.copyOf(scopes);
    }

    /** Platform staff must use MFA: until they enrol, they reach only {@code /me} and the enrolment endpoints. */
    public boolean mustEnrolMfa() {
        return staffRole != null && !mfaEnrolled;
    }
}
