package io.selvedge.identity.internal;

import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountExistsException;
import io.selvedge.identity.AccountRegistered;
import io.selvedge.identity.AccountRegistration;
import io.selvedge.identity.AccountSummary;
import io.selvedge.identity.DisplayNames;
import io.selvedge.identity.EmailAddresses;
import io.selvedge.identity.PasswordPolicy;
import io.selvedge.identity.Usernames;
import io.selvedge.platform.RequestOrigin;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customer accounts: created for the modules that invite people, looked up for member lists. */
@Service
@RequiredArgsConstructor
class AccountRegistrations implements AccountRegistration, AccountDirectory {

    static final String USERNAME_TAKEN = "That username is taken; choose another.";
    static final String EMAIL_TAKEN = "An account with that e-mail address exists already.";

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;

    @Override
    @Transactional
    public UUID register(String username, String password, String displayName, String email) {
        String name = Usernames.normalise(username);
        Usernames.problemWith(name).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        String address = email == null || email.isBlank() ? null : EmailAddresses.check(email);
        String display = DisplayNames.check(displayName);
        PasswordPolicy.check(password, name);
        if (accounts.usernameTaken(name)) {
            throw new AccountExistsException(USERNAME_TAKEN);
        }
        if (address != null && accounts.emailTaken(address)) {
            throw new AccountExistsException(EMAIL_TAKEN);
        }
        Account account;
        try {
            account = accounts.createCustomer(name, passwords.encode(password), address, display);
        } catch (DuplicateKeyException raced) {
            throw new AccountExistsException(USERNAME_TAKEN + " Or: " + EMAIL_TAKEN);
        }
        events.publishEvent(new AccountRegistered(account.id(), RequestOrigin.current()));
        return account.id();
    }

    @Override
    public Optional<AccountSummary> account(UUID accountId) {
        return accounts.summaryOf(accountId);
    }

    @Override
    public Optional<AccountSummary> accountWithEmail(String email) {
        if (EmailAddresses.problemWith(email).isPresent()) {
            return Optional.empty();
        }
        return accounts.findByEmail(EmailAddresses.normalise(email)).flatMap(found -> accounts.summaryOf(found.id()));
    }

    @Override
    public Optional<AccountSummary> accountWithUsername(String username) {
        if (Usernames.problemWith(username).isPresent()) {
            return Optional.empty();
        }
        return accounts.findByUsername(Usernames.normalise(username))
                .filter(found -> found.status() == AccountStatus.ACTIVE)
                .flatMap(found -> accounts.summaryOf(found.id()));
    }

    @Override
    public Map<UUID, AccountSummary> accountSummaries(Collection<UUID> accountIds) {
        return accounts.summariesOf(accountIds);
    }

    @Override
    @Transactional
    public void changeDisplayName(UUID accountId, String displayName) {
        accounts.changeDisplayName(accountId, DisplayNames.check(displayName));
    }
}
