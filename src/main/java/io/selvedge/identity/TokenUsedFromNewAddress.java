package io.selvedge.identity;

import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/**
 * An API token authenticated a request from an address it had not been used from (its first use counts
 * as new); on the platform trail beside the token's other events. The address itself is in the origin,
 * which the trail keeps encrypted.
 */
public record TokenUsedFromNewAddress(UUID accountId, UUID tokenId, RequestOrigin auditOrigin) implements TokenEvent {

    @Override
    public String auditAction() {
        return "token.used-from-new-address";
    }
}
