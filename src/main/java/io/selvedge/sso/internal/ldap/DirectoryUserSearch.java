package io.selvedge.sso.internal.ldap;

import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.ldap.SpringSecurityLdapTemplate;
import org.springframework.security.ldap.search.LdapUserSearch;

/**
 * Finds the person's entry with the connection's filter, {@code {0}} being the e-mail address and {@code {1}}
 * its local part. The values go to the directory as filter arguments, which JNDI encodes (RFC 4515), so a
 * {@code *}, parenthesis or backslash in what was typed matches only itself. Nobody found and more than one
 * entry found are both refusals, told apart for the audit trail.
 */
@RequiredArgsConstructor
final class DirectoryUserSearch implements LdapUserSearch {

    private final SpringSecurityLdapTemplate directory;
    private final String searchBase;
    private final String filter;

    @Override
    public DirContextOperations searchForUser(String email) {
        String localPart = email.substring(0, email.lastIndexOf('@')).toLowerCase(Locale.ROOT);
        try {
            return directory.searchForSingleEntry(searchBase, filter, new Object[] {email, localPart});
        } catch (IncorrectResultSizeDataAccessException e) {
            if (e.getActualSize() == 0) {
                throw new UsernameNotFoundException("No entry matches the user search.");
            }
            throw new DirectorySignInRefusedException(
                    DirectorySignInRefusedException.Reason.AMBIGUOUS_ACCOUNT,
                    "The user search found " + e.getActualSize() + " entries; nobody is signed in.");
        }
    }
}
