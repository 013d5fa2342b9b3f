package io.selvedge.sso.internal.ldap;

import io.selvedge.sso.internal.ldap.DirectorySignInRefusedException.Reason;
import io.selvedge.sso.internal.ldap.DirectoryUser.DirectoryGroup;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.naming.directory.SearchControls;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.support.DefaultTlsDirContextAuthenticationStrategy;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.ldap.SpringSecurityLdapTemplate;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.stereotype.Component;

/**
 * Checks a person's directory password, Spring Security LDAP's way: the service account binds and searches
 * for the person's entry, the password is checked by binding as that entry ({@link BindAuthenticator}), and
 * the person's groups are searched for with the entry's DN. Every connection is TLS ({@code ldaps://} or
 * StartTLS), checked against the connection's CA or the JVM's trust store and the URL's host name; every
 * step is bounded by {@link LdapTimeouts}. Nothing is cached or pooled: each sign-in asks the directory.
 */
@Component
@RequiredArgsConstructor
public class DirectoryAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(DirectoryAuthenticator.class);

    /** RFC 5321's limit; one {@code @}, something on each side, no control characters or spaces. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,189}$");

    private static final int LONGEST_PASSWORD = 1024;

    private static final String[] USER_ATTRIBUTES = {"displayName", "cn"};

    private final LdapTimeouts timeouts;

    /**
     * The person the directory vouches for, with their groups.
     *
     * @param email the address typed at sign-in; the user search's {@code {0}}
     * @param password the directory password typed; never kept, never logged
     * @throws DirectorySignInRefusedException when the directory does not vouch for them, with the reason
     */
    public DirectoryUser authenticate(DirectoryConnection connection, String email, String password) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(address).matches()) {
            throw new DirectorySignInRefusedException(Reason.INVALID_EMAIL, "Not an e-mail address.");
        }
        // An empty password would make the bind anonymous, which directories accept ("unauthenticated bind").
        if (password == null || password.isEmpty() || password.length() > LONGEST_PASSWORD) {
            throw new DirectorySignInRefusedException(Reason.EMPTY_PASSWORD, "No usable password was given.");
        }
        DirectoryTls tls = DirectoryTls.forConnection(connection.caCertificatePem(), timeouts.connectTimeout());
        LdapContextSource source = contextSource(connection, tls);
        try {
            return DirectorySocketFactory.using(tls, () -> signIn(source, connection, address, password));
        } catch (DirectorySignInRefusedException e) {
            throw e;
        } catch (UsernameNotFoundException e) {
            throw new DirectorySignInRefusedException(Reason.UNKNOWN_ACCOUNT, "No entry matches the user search.");
        } catch (BadCredentialsException e) {
            throw new DirectorySignInRefusedException(Reason.WRONG_PASSWORD, "The directory refused the password.");
        } catch (RuntimeException e) {
            Reason reason = DirectoryFailures.reasonFor(e);
            log.warn(
                    "Directory {} could not check a sign-in ({}): {}",
                    connection.url(),
                    reason.code(),
                    DirectoryFailures.rootCauseSummary(e));
            throw new DirectorySignInRefusedException(reason, "The directory could not be asked.", e);
        }
    }

    private DirectoryUser signIn(
            LdapContextSource source, DirectoryConnection connection, String email, String password) {
        SpringSecurityLdapTemplate directory = directory(source);
        BindAuthenticator binder = new BindAuthenticator(source);
        binder.setUserSearch(new DirectoryUserSearch(
                directory, connection.userSearchBase(), connection.effectiveUserSearchFilter()));
        binder.setUserAttributes(USER_ATTRIBUTES);
        DirContextOperations entry =
                binder.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password));
        String dn = entry.getNameInNamespace();
        String displayName = entry.getStringAttribute("displayName");
        if (displayName == null || displayName.isBlank()) {
            displayName = entry.getStringAttribute("cn");
        }
        return new DirectoryUser(dn, email, displayName, groupsOf(directory, connection, dn, email));
    }

    private static List<DirectoryGroup> groupsOf(
            SpringSecurityLdapTemplate directory, DirectoryConnection connection, String dn, String email) {
        String base = connection.groupSearchBase() == null ? connection.userSearchBase() : connection.groupSearchBase();
        // searchForMultipleAttributeValues encodes each argument for the filter (RFC 4515) before formatting it in.
        Set<Map<String, List<String>>> found = directory.searchForMultipleAttributeValues(
                base, connection.effectiveGroupSearchFilter(), new Object[] {dn, email}, new String[] {"cn"});
        return found.stream()
                .map(group ->
                        new DirectoryGroup(first(group.get("cn")), first(group.get(SpringSecurityLdapTemplate.DN_KEY))))
                .filter(group -> group.dn() != null)
                .sorted(Comparator.comparing(DirectoryGroup::dn))
                .toList();
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private SpringSecurityLdapTemplate directory(LdapContextSource source) {
        SpringSecurityLdapTemplate directory = new SpringSecurityLdapTemplate(source);
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        controls.setTimeLimit(Math.toIntExact(timeouts.readTimeout().toMillis()));
        directory.setSearchControls(controls);
        // Active Directory answers a search from a domain's root with referrals to other partitions: not ours.
        directory.setIgnorePartialResultException(true);
        return directory;
    }

    private LdapContextSource contextSource(DirectoryConnection connection, DirectoryTls tls) {
        LdapContextSource source = new LdapContextSource();
        source.setUrl(connection.url().strip());
        source.setUserDn(connection.bindDn());
        source.setPassword(connection.bindPassword());
        source.setPooled(false);
        source.setAnonymousReadOnly(false);
        source.setReferral("ignore");
        Map<String, Object> environment = new java.util.HashMap<>();
        environment.put(
                "com.sun.jndi.ldap.read.timeout",
                Long.toString(timeouts.readTimeout().toMillis()));
        if (connection.implicitTls()) {
            // No JNDI connect timeout here: JNDI then asks the factory for connected sockets, which it bounds.
            environment.put("java.naming.ldap.factory.socket", DirectorySocketFactory.class.getName());
        } else {
            environment.put(
                    "com.sun.jndi.ldap.connect.timeout",
                    Long.toString(timeouts.connectTimeout().toMillis()));
            DefaultTlsDirContextAuthenticationStrategy startTls = new DefaultTlsDirContextAuthenticationStrategy();
            startTls.setSslSocketFactory(tls);
            startTls.setShutdownTlsGracefully(true);
            source.setAuthenticationStrategy(startTls);
        }
        source.setBaseEnvironmentProperties(environment);
        source.afterPropertiesSet();
        return source;
    }
}
