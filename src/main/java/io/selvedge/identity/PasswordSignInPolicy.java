package io.selvedge.identity;

import java.util.UUID;

/**
 * Whether an account may sign in with its password (the web page and the token endpoint). The access module
 * says no for an account whose groups are all single sign-on only. Asked after the password was checked, so
 * the answer reveals nothing to someone who does not know it; one "no" is enough.
 */
public interface PasswordSignInPolicy {

    boolean passwordSignInAllowed(UUID accountId);
}
