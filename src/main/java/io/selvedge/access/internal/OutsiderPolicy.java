package io.selvedge.access.internal;

import io.selvedge.identity.Caller;
import java.util.Optional;
import java.util.UUID;

/**
 * What a group's security policy refuses of a caller it does not manage, for a request for one of its
 * resources: the reason, or empty when the request may go on.
 */
interface OutsiderPolicy {

    /** Nothing refused, for decision points without security policies (the benchmark). */
    OutsiderPolicy NONE = (groupId, grantVersion, caller) -> Optional.empty();

    Optional<String> refusal(UUID groupId, long grantVersion, Caller caller);
}
