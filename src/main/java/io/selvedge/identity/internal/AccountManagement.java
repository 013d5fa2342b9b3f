package io.selvedge.identity.internal;

import io.selvedge.identity.AccountExistsException;
import io.selvedge.identity.AccountRegistered;
import io.selvedge.identity.DisplayNames;
import io.selvedge.identity.EmailAddresses;
import io.selvedge.identity.ManagedAccounts;
import io.selvedge.identity.Usernames;
import io.selvedge.platform.RequestOrigin;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.lang.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ManagedAccounts} on the global account table; sessions and tokens end in the same call. */
@Service
class AccountManagement implements ManagedAccounts {

    static final String DISABLED = "account-disabled";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Accounts accounts;
    private final StoredTokens tokens;
    private final TokenAuthenticator authenticator;
    private final SpringWebSessions sessions;
    private final TotpSecrets totp;
    private final PasskeyRows passkeys;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;

    AccountManagement(
            Accounts accounts,
            StoredTokens tokens,
            TokenAuthenticator authenticator,
            SpringWebSessions sessions,
            TotpSecrets totp,
            PasskeyRows passkeys,
            PasswordEncoder passwords,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.totp = totp;
        this.passkeys = passkeys;
        this.passwords = passwords;
        this.events = events;
    }

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
    public UUID provision(String email, @Nullable String displayName) {
        String address = EmailAddresses.check(email);
        String display = DisplayNames.check(displayName);
        if (accounts.emailTaken(address)) {
            throw new AccountExistsException("An account has this e-mail address.");
        }
        // Nobody knows this password: the person signs in through their organisation's single sign-on.
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String unknowable = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Account account;
        try {
            account = accounts.createCustomer(freeUsername(address), passwords.encode(unknowable), address, display);
        } catch (DuplicateKeyException raced) {
            throw new AccountExistsException("An account has this e-mail address.");
        }
        events.publishEvent(new AccountRegistered(account.id(), RequestOrigin.current()));
        return account.id();
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

    /** The address's local part, made a username, with a number added while it is taken. */
    private String freeUsername(String address) {
        String local = address.substring(0, address.indexOf('@')).toLowerCase(Locale.ROOT);
        String base = local.replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
        if (base.length() > 48) {
            base = base.substring(0, 48);
        }
        while (base.length() < 3) {
            base = base + "0";
        }
        String candidate = base;
        for (int n = 2;
                accounts.usernameTaken(candidate)
                        || Usernames.problemWith(candidate).isPresent();
                n++) {
            candidate = base + "-" + (n < 100 ? n : UUID.randomUUID().toString().substring(0, 8));
        }
        return candidate;
    }
}
