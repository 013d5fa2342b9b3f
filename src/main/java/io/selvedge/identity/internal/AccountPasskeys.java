package io.selvedge.identity.internal;

import io.selvedge.identity.Passkeys;
import io.selvedge.platform.AuditActor;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An account's passkeys for its owner, on Spring Security's WebAuthn tables; labels decrypted for display. */
@Service
@RequiredArgsConstructor
class AccountPasskeys implements Passkeys {

    private final Accounts accounts;
    private final PasskeyRows rows;
    private final PasskeyCredentials credentials;
    private final MfaChanges changes;

    @Override
    public List<Passkey> of(UUID accountId) {
        return accounts.findById(accountId)
                .map(account -> rows.of(account.username()).stream()
                        .map(row -> new Passkey(
                                row.credentialId(),
                                credentials.decryptLabel(row.encryptedLabel(), row.credentialId()),
                                row.createdAt(),
                                row.lastUsedAt()))
                        .toList())
                .orElse(List.of());
    }

    @Override
    @Transactional
    public boolean rename(UUID accountId, String credentialId, String label) {
        return accounts.findById(accountId)
                .map(account ->
                        rows.rename(account.username(), credentialId, credentials.encryptLabel(label, credentialId)))
                .orElse(false);
    }

    @Override
    @Transactional
    public boolean remove(UUID accountId, String credentialId) {
        boolean removed = accounts.findById(accountId)
                .map(account -> rows.delete(account.username(), credentialId))
                .orElse(false);
        if (removed) {
            changes.passkeyRemoved(accountId, credentialId, AuditActor.account(accountId));
        }
        return removed;
    }
}
