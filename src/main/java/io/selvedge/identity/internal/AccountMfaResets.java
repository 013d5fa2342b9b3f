package io.selvedge.identity.internal;

import io.selvedge.identity.MfaReset;
import io.selvedge.identity.MfaResets;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link MfaResets}: every second factor removed, every session and API token of the account ended. */
@Service
@RequiredArgsConstructor
class AccountMfaResets implements MfaResets {

    private final Accounts accounts;
    private final TotpSecrets totp;
    private final PasskeyRows passkeys;
    private final MfaChanges changes;
    private final StoredTokens tokens;
    private final SpringWebSessions sessions;
    private final ApplicationEventPublisher events;

    @Override
    @Transactional
    public void reset(UUID accountId, AuditActor by) {
        Account account =
                accounts.findById(accountId).orElseThrow(() -> new IllegalArgumentException("No such account."));
        totp.delete(accountId);
        for (PasskeyRows.Row passkey : passkeys.of(account.username())) {
            passkeys.delete(account.username(), passkey.credentialId());
            changes.passkeyRemoved(accountId, passkey.credentialId(), by);
        }
        changes.refresh(accountId);
        tokens.deleteAllOf(accountId);
        sessions.endAll(account.username(), SpringWebSessions.MFA_RESET);
        events.publishEvent(new MfaReset(accountId, by, RequestOrigin.current()));
    }
}
