package io.selvedge.sso.internal.ldap;

import io.selvedge.identity.DirectoryPasswordRefusedException;
import io.selvedge.identity.DirectoryPasswords;
import io.selvedge.sso.Connection;
import io.selvedge.sso.ConnectionSettings;
import io.selvedge.sso.ConnectionType;
import io.selvedge.sso.IdentityProviders;
import io.selvedge.sso.SsoSignInRefusedException;
import io.selvedge.sso.SsoSignIns;
import io.selvedge.sso.VerifiedIdentity;
import io.selvedge.sso.internal.ldap.DirectoryUser.DirectoryGroup;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * LDAP / Active Directory sign-in for the password page and the token endpoint: an address whose domain
 * routes to an LDAP connection has its password checked by that directory ({@link DirectoryAuthenticator}),
 * then the sign-in is completed like any single sign-on ({@link SsoSignIns#provision}: the managed account
 * created just in time, its name and its roles from the directory's groups, by {@code cn} or DN). A refusal
 * is on the group's trail with the directory's reason, as {@code ldap-<reason>}.
 */
@Service
@RequiredArgsConstructor
class LdapSignIns implements DirectoryPasswords {

    private final IdentityProviders connections;
    private final DirectoryAuthenticator directories;
    private final SsoSignIns signIns;

    @Override
    public boolean checksPasswordOf(String email) {
        return ldapConnectionFor(email).isPresent();
    }

    @Override
    public UUID signIn(String email, String password) {
        Connection connection = ldapConnectionFor(email)
                .orElseThrow(() -> new DirectoryPasswordRefusedException("no-directory", false));
        DirectoryUser user;
        try {
            user = directories.authenticate(directoryOf(connection), email, password);
        } catch (DirectorySignInRefusedException e) {
            signIns.refused(connection.id(), "ldap-" + e.code());
            throw new DirectoryPasswordRefusedException(e.code(), e.reason().personsFault());
        } catch (IllegalArgumentException e) {
            // Settings that would be unsafe to use (saved before a check existed): refuse, and say so on the trail.
            signIns.refused(connection.id(), "ldap-connection-invalid");
            throw new DirectoryPasswordRefusedException("connection-invalid", false);
        }
        Set<String> groups = new LinkedHashSet<>();
        for (DirectoryGroup group : user.groups()) {
            if (group.cn() != null) {
                groups.add(group.cn());
            }
            groups.add(group.dn());
        }
        try {
            // A directory says nothing of a second factor: Selvedge's own is asked where MFA is required.
            return signIns.provision(
                    connection.id(), new VerifiedIdentity(user.email(), user.displayName(), groups, false));
        } catch (SsoSignInRefusedException e) {
            throw new DirectoryPasswordRefusedException(e.reason(), false);
        }
    }

    @Override
    public Optional<UUID> connectionOf(String email) {
        return ldapConnectionFor(email).map(Connection::id);
    }

    private Optional<Connection> ldapConnectionFor(String email) {
        return connections.forEmail(email).filter(connection -> connection.type() == ConnectionType.LDAP);
    }

    private DirectoryConnection directoryOf(Connection connection) {
        ConnectionSettings settings = connection.settings();
        return new DirectoryConnection(
                settings.url(),
                settings.startTls(),
                settings.bindDn(),
                connections.secretOf(connection.id()).orElse(null),
                settings.userSearchBase(),
                settings.userSearchFilter(),
                settings.groupSearchBase(),
                settings.groupSearchFilter(),
                settings.caCertificatePem());
    }
}
