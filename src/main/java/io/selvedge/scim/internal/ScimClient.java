package io.selvedge.scim.internal;

import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;

/** Who calls {@code /scim/v2}: a group's directory, by the token it presented. Never an account. */
record ScimClient(UUID groupId, UUID tokenId) implements AuthenticatedPrincipal {

    @Override
    public String getName() {
        // Not a username (those have no colon), so no account is ever looked up for it.
        return "scim-token:" + tokenId;
    }
}
