package io.selvedge.identity.internal;

import io.selvedge.identity.DirectoryPasswords;
import io.selvedge.identity.PasswordManagedElsewhereException;
import io.selvedge.identity.PasswordSignInPolicy;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether an account may have a Selvedge password of its own: not when its organisation signs it in (the
 * directory checks its password, or its managing group admits single sign-on only). A password set here
 * then would be a second way in that the organisation does not govern.
 */
@Component
@RequiredArgsConstructor
class LocalPasswords {

    static final String DIRECTORY = "Your organisation's directory (Active Directory / LDAP) checks your password:"
            + " change or reset it there, the way your company tells you to. Selvedge keeps no password for you.";
    static final String SINGLE_SIGN_ON = "Your organisation signs you in through its single sign-on: use your"
            + " company's sign-in (enter your work address on the sign-in page). Selvedge keeps no password for you.";

    private final Accounts accounts;
    private final ObjectProvider<DirectoryPasswords> directories;
    private final ObjectProvider<PasswordSignInPolicy> policies;

    /** Why the account may not set a password here (for the person, in words), or empty: it may. */
    Optional<String> managedElsewhere(Account account) {
        String email = accounts.emailOf(account.id());
        if (email != null
                && !email.isBlank()
                && directories.orderedStream().anyMatch(directory -> directory.checksPasswordOf(email))) {
            return Optional.of(DIRECTORY);
        }
        if (policies.orderedStream().anyMatch(policy -> !policy.passwordSignInAllowed(account.id()))) {
            return Optional.of(SINGLE_SIGN_ON);
        }
        return Optional.empty();
    }

    /** @throws PasswordManagedElsewhereException if the account may not set a password here */
    void requireLocal(Account account) {
        Optional<String> elsewhere = managedElsewhere(account);
        if (elsewhere.isPresent()) {
            throw new PasswordManagedElsewhereException(elsewhere.get());
        }
    }
}
