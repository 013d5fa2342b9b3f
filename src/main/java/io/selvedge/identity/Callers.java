package io.selvedge.identity;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/** Maps an authentication, of the API (an {@link ApiCaller}) or of the web (a username), to its account. */
public interface Callers {

    /** The authority a platform admin's authentication carries: staff, with the platform admin role. */
    String PLATFORM_ADMIN = "STAFF_PLATFORM_ADMIN";

    /** Whether the authentication is a platform admin's; false for none. */
    static boolean isPlatformAdmin(@Nullable Authentication authentication) {
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> PLATFORM_ADMIN.equals(a.getAuthority()));
    }

    /** The account of an authentication; empty for none, an anonymous one, or an unknown username. */
    Optional<Caller> of(@Nullable Authentication authentication);

    /** An active account by id, as a caller would be (to check a grantee). */
    Optional<Caller> byId(UUID accountId);

    /** The account of the current security context's authentication. */
    Optional<Caller> current();
}
