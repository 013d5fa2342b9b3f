package io.selvedge.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.lang.Nullable;
import org.springframework.security.core.Authentication;

/** Maps an authentication, of the API (an {@link ApiCaller}) or of the web (a username), to its account. */
public interface Callers {

    /** The account of an authentication; empty for none, an anonymous one, or an unknown username. */
    Optional<Caller> of(@Nullable Authentication authentication);

    /** An active account by id, as a caller would be (to check a grantee). */
    Optional<Caller> byId(UUID accountId);

    /** The account of the current security context's authentication. */
    Optional<Caller> current();
}
