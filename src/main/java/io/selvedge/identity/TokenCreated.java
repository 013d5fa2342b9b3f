package io.selvedge.identity;

import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** An account's API token was created (by the account itself); on the platform trail, named by its id. */
public record TokenCreated(UUID accountId, UUID tokenId, RequestOrigin auditOrigin) implements TokenEvent {

    @Override
    public String auditAction() {
        return "token.created";
    }
}
