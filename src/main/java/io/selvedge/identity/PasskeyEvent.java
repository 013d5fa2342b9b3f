package io.selvedge.identity;

import io.selvedge.platform.AuditTarget;

/** Something that happened to one of an account's passkeys, with the passkey as target. */
public interface PasskeyEvent extends AccountEvent {

    /** The WebAuthn credential id (base64url). */
    String credentialId();

    @Override
    default AuditTarget auditTarget() {
        return AuditTarget.of("passkey", credentialId());
    }
}
