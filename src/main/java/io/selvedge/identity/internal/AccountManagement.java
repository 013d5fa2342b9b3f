package io.selvedge.identity.internal;

import io.selvedge.identity.AccountExistsException;
import io.selvedge.identity.EmailAddresses;
import io.selvedge.identity.ManagedAccounts;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ManagedAccounts} on the global account table; sessions and tokens end in the same call. */
@Service
@RequiredArgsConstructor
class AccountManagement implements ManagedAccounts {

    static final String DISABLED = "account-disabled";

    private final Accounts accounts;
    private final StoredTokens tokens;
    private final TokenAuthenticator authenticator;
    private final SpringWebSessions sessions;
    private final TotpSecrets totp;
    private final PasskeyRows passkeys;

    @Override
    public boolean active(UUID accountId) {
        return accounts.findById(accountId)
                .filter(account -> account.status() == AccountStatus.ACTIVE)
                .isPresent();
    }

    @Override
    @Transactional
    public boolean disable(UUID accountId) {
        Account account = customer(accountId);
        boolean changed = account.status() == AccountStatus.ACTIVE;
        accounts.setStatus(accountId, AccountStatus.DISABLED);
        revokeTokens(accountId);
        sessions.endAll(account.username(), DISABLED);
        return changed;
    }

    @Override
    @Transactional
    public boolean enable(UUID accountId) {
        Account account = customer(accountId);
        accounts.setStatus(accountId, AccountStatus.ACTIVE);
        authenticator.forgetAccount(accountId);
        return account.status() != AccountStatus.ACTIVE;
    }

    @Override
    public int endSessions(UUID accountId) {
        return sessions.endAll(customer(accountId).username(), SpringWebSessions.ENDED_BY_ADMIN);
    }

    @Override
    @Transactional
    public int revokeTokens(UUID accountId) {
        int revoked = tokens.deleteAllOf(accountId);
        authenticator.forgetAccount(accountId);
        return revoked;
    }

    @Override
    @Transactional
    public boolean delete(UUID accountId) {
        Optional<Account> found = accounts.findById(accountId);
        if (found.isEmpty()) {
            return false;
        }
        Account account = customer(accountId);
        revokeTokens(accountId);
        sessions.endAll(account.username(), DISABLED);
        totp.delete(accountId);
        for (PasskeyRows.Row passkey : passkeys.of(account.username())) {
            passkeys.delete(account.username(), passkey.credentialId());
        }
        accounts.delete(accountId);
        return true;
    }

    @Override
    @Transactional
    public void changeEmail(UUID accountId, String email) {
        String address = EmailAddresses.check(email);
        customer(accountId);
        try {
            accounts.changeEmail(accountId, address);
        } catch (DuplicateKeyException taken) {
            throw new AccountExistsException("An account has this e-mail address.");
        }
    }

    @Override
    public Optional<UUID> accountWithEmail(String email) {
        if (email == null || EmailAddresses.problemWith(email).isPresent()) {
            return Optional.empty();
        }
        return accounts.findByEmail(EmailAddresses.normalise(email)).map(Account::id);
    }

    private Account customer(UUID accountId) {
        Account account =
                accounts.findById(accountId).orElseThrow(() -> new IllegalArgumentException("No such account."));
        if (account.staffRole() != null) {
            throw new IllegalArgumentException("Platform staff accounts are not managed by a group.");
        }
        return account;
    }
}
