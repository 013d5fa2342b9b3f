package io.selvedge.identity.internal;

import io.selvedge.identity.EmailAddresses;
import io.selvedge.identity.Usernames;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * What a person types to sign in: a username, or the account's e-mail address. Either becomes the
 * account's username, so that throttling counts one account once whichever was typed; an address that
 * matches no account stays as typed (normalised), and fails like an unknown username, in the same time.
 */
@Service
@RequiredArgsConstructor
class SignInNames {

    private final Accounts accounts;

    String canonical(String usernameOrEmail) {
        if (!EmailAddresses.looksLikeOne(usernameOrEmail)) {
            return Usernames.normalise(usernameOrEmail);
        }
        String email = EmailAddresses.normalise(usernameOrEmail);
        return accounts.findByEmail(email).map(Account::username).orElse(email);
    }
}
