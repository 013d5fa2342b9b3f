package io.selvedge.identity;

import java.util.Optional;

/** Where a signed-in account stands with MFA, looked up by its username (the web session's principal name). */
public interface MfaStatuses {

    Optional<MfaStatus> of(String username);
}
