package io.selvedge.sso.internal.ldap;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person the directory vouched for: found by the user search and bound with the password they typed.
 * {@code email} is the address they signed in with (lower-cased), which the connection's user search
 * matched; {@code displayName} the entry's {@code displayName} (else its {@code cn}); {@code groups} those
 * the group search found, each by its {@code cn} and its DN, for role mapping.
 */
public record DirectoryUser(
        String dn, String email, @Nullable String displayName, List<DirectoryGroup> groups) {

    public DirectoryUser {
        groups = List.copyOf(groups);
    }

    /** A group of the directory: its common name and its distinguished name. */
    public record DirectoryGroup(@Nullable String cn, String dn) {}
}
