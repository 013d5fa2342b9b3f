package io.selvedge.identity.internal;

import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.platform.AuditActor;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Security's {@link JdbcUserCredentialRepository}, with the label (typed by the owner) encrypted
 * under the directory keys, bound to its credential id, and with the registration and removal of a passkey
 * published (and the account's MFA flag kept) in the same transaction.
 */
@RequiredArgsConstructor
class PasskeyCredentials implements UserCredentialRepository {

    /** The encrypted column of Spring Security's credential table, declared once: the passkey's label. */
    static final EncryptedTable TABLE = EncryptedTable.named("user_credentials");

    static final EncryptedColumn LABEL = TABLE.column("label");

    static final int LONGEST_LABEL = 100;

    private final JdbcUserCredentialRepository credentials;
    private final PasskeyRows rows;
    private final Accounts accounts;
    private final FieldCiphers ciphers;
    private final MfaChanges changes;
    private final TransactionTemplate transactions;

    @Override
    public void delete(Bytes credentialId) {
        transactions.executeWithoutResult(status -> {
            CredentialRecord record = credentials.findByCredentialId(credentialId);
            credentials.delete(credentialId);
            if (record != null) {
                UUID owner = ownerOf(record);
                if (owner != null) {
                    changes.passkeyRemoved(owner, credentialId.toBase64UrlString(), AuditActor.account(owner));
                }
            }
        });
    }

    @Override
    public void save(CredentialRecord record) {
        transactions.executeWithoutResult(status -> {
            boolean registered = credentials.findByCredentialId(record.getCredentialId()) == null;
            credentials.save(ImmutableCredentialRecord.fromCredentialRecord(record)
                    .label(encryptLabel(
                            record.getLabel(), record.getCredentialId().toBase64UrlString()))
                    .build());
            UUID owner = ownerOf(record);
            if (registered && owner != null) {
                changes.passkeyRegistered(owner, record.getCredentialId().toBase64UrlString());
            }
        });
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        CredentialRecord record = credentials.findByCredentialId(credentialId);
        return record == null ? null : decrypted(record);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return credentials.findByUserId(userId).stream().map(this::decrypted).toList();
    }

    String encryptLabel(String label, String credentialId) {
        String text = label == null ? "" : label.strip();
        if (text.length() > LONGEST_LABEL) {
            text = text.substring(0, LONGEST_LABEL);
        }
        return LABEL.encrypt(ciphers.directory(), text, credentialId);
    }

    String decryptLabel(String encrypted, String credentialId) {
        return LABEL.decrypt(ciphers.directory(), encrypted, credentialId);
    }

    private CredentialRecord decrypted(CredentialRecord record) {
        return ImmutableCredentialRecord.fromCredentialRecord(record)
                .label(decryptLabel(record.getLabel(), record.getCredentialId().toBase64UrlString()))
                .build();
    }

    private UUID ownerOf(CredentialRecord record) {
        return rows.usernameOfUserEntity(record.getUserEntityUserId().toBase64UrlString())
                .flatMap(accounts::findByUsername)
                .map(Account::id)
                .orElse(null);
    }
}
