package io.selvedge.sso.internal.saml;

import java.time.Instant;

/**
 * The assertion ids already used, shared by every node, so a captured response is accepted once. An entry
 * may be forgotten after {@code expiresAt}: by then the assertion is refused as expired anyway.
 */
public interface AssertionReplayCache {

    /**
     * Records the assertion {@code assertionId} of {@code issuer}; true the first time, false when it was
     * already recorded and has not expired (a replay). Never throws for a replay.
     */
    boolean firstUse(String issuer, String assertionId, Instant expiresAt);
}
