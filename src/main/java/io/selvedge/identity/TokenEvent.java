package io.selvedge.identity;

import io.selvedge.platform.AuditTarget;
import java.util.UUID;

/** Something that happened to one of an account's API tokens, with the token as target. */
public interface TokenEvent extends AccountEvent {

    UUID tokenId();

    @Override
    default AuditTarget auditTarget() {
        return AuditTarget.of("token", tokenId());
    }
}
