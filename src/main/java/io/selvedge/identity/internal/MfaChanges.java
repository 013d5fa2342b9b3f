package io.selvedge.identity.internal;

import io.selvedge.identity.MfaEnrolled;
import io.selvedge.identity.MfaRemoved;
import io.selvedge.identity.PasskeyRegistered;
import io.selvedge.identity.PasskeyRemoved;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps an account's {@code mfa_enrolled} flag true while it has a second factor (confirmed TOTP or a
 * passkey), and publishes the changes. When an account goes from no second factor to one, its API tokens
 * are revoked: they were made with the password alone, and would otherwise bypass the new factor.
 */
@Service
@RequiredArgsConstructor
class MfaChanges {

    static final String TOTP = "totp";
    static final String PASSKEY = "passkey";

    private final Accounts accounts;
    private final TotpSecrets totp;
    private final PasskeyRows passkeys;
    private final StoredTokens tokens;
    private final TokenAuthenticator authenticator;
    private final ApplicationEventPublisher events;

    /** A second factor was turned on: TOTP confirmed, or a passkey registered. */
    @Transactional
    public void enrolled(UUID accountId, String method) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (!account.mfaEnrolled()) {
            accounts.setMfaEnrolled(accountId, true);
            tokens.deleteAllOf(accountId);
        }
        authenticator.forgetAccount(accountId);
        events.publishEvent(new MfaEnrolled(accountId, method, RequestOrigin.current()));
    }

    @Transactional
    public void passkeyRegistered(UUID accountId, String credentialId) {
        events.publishEvent(new PasskeyRegistered(accountId, credentialId, RequestOrigin.current()));
        enrolled(accountId, PASSKEY);
    }

    @Transactional
    public void passkeyRemoved(UUID accountId, String credentialId, AuditActor by) {
        events.publishEvent(new PasskeyRemoved(accountId, credentialId, by, RequestOrigin.current()));
        refresh(accountId);
    }

    @Transactional
    public void totpRemoved(UUID accountId) {
        events.publishEvent(new MfaRemoved(accountId, TOTP, RequestOrigin.current()));
        refresh(accountId);
    }

    /** Sets the flag from what the account has now. */
    void refresh(UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow();
        boolean enrolled =
                totp.find(accountId).filter(TotpSecrets.StoredTotp::confirmed).isPresent()
                        || passkeys.countOf(account.username()) > 0;
        accounts.setMfaEnrolled(accountId, enrolled);
        authenticator.forgetAccount(accountId);
    }
}
