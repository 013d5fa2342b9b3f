package io.selvedge.identity.internal;

import io.selvedge.identity.EmailAddresses;
import io.selvedge.identity.FirstAdminSetup;
import io.selvedge.identity.PasswordPolicy;
import io.selvedge.identity.PlatformAdminCreated;
import io.selvedge.identity.SetupLinkInvalidException;
import io.selvedge.identity.Usernames;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Makes the first platform admin, from the bootstrap settings or through a setup link. */
@Service
@RequiredArgsConstructor
class FirstAdmin implements FirstAdminSetup {

    private final Accounts accounts;
    private final SetupLinks links;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;

    boolean needed() {
        return !accounts.anyPlatformAdmin();
    }

    @Override
    public boolean linkIsValid(String token) {
        return needed() && links.isValid(token);
    }

    @Override
    @Transactional
    public void createFirstAdmin(String token, String username, String password, String email) {
        String name = Usernames.normalise(username);
        Usernames.problemWith(name).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        String address = emailOf(email);
        PasswordPolicy.check(password, name);
        if (!needed() || !links.spend(token)) {
            throw new SetupLinkInvalidException();
        }
        create(name, password, address, "setup link");
    }

    @Transactional
    void createFromBootstrapSettings(String username, String password, String email) {
        String name = Usernames.normalise(username);
        Usernames.problemWith(name).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        String address = emailOf(email);
        PasswordPolicy.check(password, name);
        create(name, password, address, "bootstrap settings");
    }

    private static String emailOf(String email) {
        return email == null || email.isBlank() ? null : EmailAddresses.check(email);
    }

    private void create(String username, String password, String email, String via) {
        Account account = accounts.createStaff(username, passwords.encode(password), StaffRole.PLATFORM_ADMIN, email);
        events.publishEvent(new PlatformAdminCreated(account.id(), account.username(), via));
    }
}
