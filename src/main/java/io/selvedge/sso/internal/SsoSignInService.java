package io.selvedge.sso.internal;

import io.selvedge.access.DirectoryRoles;
import io.selvedge.access.EmailDomains;
import io.selvedge.access.Role;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountExistsException;
import io.selvedge.identity.AccountSummary;
import io.selvedge.identity.FederatedSignIns;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.sso.Connection;
import io.selvedge.sso.ConnectionSettings;
import io.selvedge.sso.ConnectionSettings.RoleMapping;
import io.selvedge.sso.IdentityProviders;
import io.selvedge.sso.ManagedAccountCreated;
import io.selvedge.sso.SsoSignInRefused;
import io.selvedge.sso.SsoSignInRefusedException;
import io.selvedge.sso.SsoSignInSucceeded;
import io.selvedge.sso.SsoSignIns;
import io.selvedge.sso.VerifiedIdentity;
import io.selvedge.storage.GroupWrites;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** {@link SsoSignIns}: every check before anything is created, then the account, its roles and the session. */
@Service
@RequiredArgsConstructor
class SsoSignInService implements SsoSignIns {

    private static final Logger log = LoggerFactory.getLogger(SsoSignInService.class);

    private final IdentityProviders connections;
    private final EmailDomains domains;
    private final AccountDirectory accounts;
    private final FederatedSignIns federated;
    private final DirectoryRoles roles;
    private final GroupWrites writes;
    private final ApplicationEventPublisher events;

    @Override
    public UUID provision(UUID connectionId, VerifiedIdentity identity) {
        return provisioned(connectionId, identity).accountId();
    }

    @Override
    public String signIn(
            UUID connectionId, VerifiedIdentity identity, HttpServletRequest request, HttpServletResponse response) {
        Provisioned done = provisioned(connectionId, identity);
        boolean idpMfa = done.connection().settings().trustIdpMfa() && identity.idpMfa();
        return federated.signIn(done.accountId(), connectionId, methodOf(done.connection()), idpMfa, request, response);
    }

    @Override
    public SsoSignInRefusedException refused(UUID connectionId, String reason) {
        return refuse(connections.find(connectionId).orElse(null), connectionId, null, reason);
    }

    private Provisioned provisioned(UUID connectionId, VerifiedIdentity identity) {
        Connection connection =
                connections.find(connectionId).orElseThrow(() -> new SsoSignInRefusedException("unknown-connection"));
        String email;
        try {
            email = SignInEmails.connected(identity.email(), connection.domains());
        } catch (SsoSignInRefusedException refused) {
            throw refuse(connection, connectionId, null, refused.reason());
        }
        if (!domains.managingGroupOf(email).map(connection.groupId()::equals).orElse(false)) {
            throw refuse(connection, connectionId, null, "domain-not-verified");
        }
        Optional<AccountSummary> existing = accounts.accountWithEmail(email);
        if (existing.isPresent()) {
            AccountSummary account = existing.get();
            if (account.staffRole() != null) {
                throw refuse(connection, connectionId, account.id(), "staff-account");
            }
            if (!federated.active(account.id())) {
                throw refuse(connection, connectionId, account.id(), "account-deactivated");
            }
        }
        UUID accountId = existing.map(AccountSummary::id).orElseGet(() -> created(connection, email, identity));
        if (existing.isPresent()) {
            rename(accountId, existing.get().displayName(), identity.displayName());
        }
        roles.apply(
                connection.groupId(),
                accountId,
                wanted(connection.settings(), identity),
                governed(connection.settings()));
        UUID groupId = connection.groupId();
        writes.run(
                groupId,
                plane -> events.publishEvent(new SsoSignInSucceeded(
                        groupId,
                        connectionId,
                        accountId,
                        connection.type(),
                        identity.idpMfa(),
                        RequestOrigin.current())));
        return new Provisioned(connection, accountId);
    }

    private UUID created(Connection connection, String email, VerifiedIdentity identity) {
        UUID accountId;
        try {
            accountId = federated.createAccount(email, cleanName(identity.displayName()));
        } catch (AccountExistsException raced) {
            return accounts.accountWithEmail(email)
                    .map(AccountSummary::id)
                    .orElseThrow(() -> refuse(connection, connection.id(), null, "account-unavailable"));
        } catch (IllegalArgumentException badAddress) {
            throw refuse(connection, connection.id(), null, "no-email");
        }
        UUID groupId = connection.groupId();
        writes.run(
                groupId,
                plane -> events.publishEvent(
                        new ManagedAccountCreated(groupId, connection.id(), accountId, RequestOrigin.current())));
        return accountId;
    }

    private void rename(UUID accountId, @Nullable String current, @Nullable String given) {
        String name = cleanName(given);
        if (name == null || name.equals(current)) {
            return;
        }
        try {
            accounts.changeDisplayName(accountId, name);
        } catch (IllegalArgumentException refused) {
            log.debug("The identity provider's display name was not taken over: {}", refused.getMessage());
        }
    }

    @Nullable
    private static String cleanName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String stripped = name.strip();
        return stripped.length() > 100 ? stripped.substring(0, 100) : stripped;
    }

    /** The strongest mapped role per node (the default role where no mapping gives one). */
    static Map<UUID, Role> wanted(ConnectionSettings settings, VerifiedIdentity identity) {
        Set<String> groups = identity.idpGroups().stream()
                .filter(Objects::nonNull)
                .map(group -> group.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Map<UUID, Role> wanted = new HashMap<>();
        if (settings.defaultRole() != null) {
            wanted.put(settings.defaultRole().nodeId(), settings.defaultRole().role());
        }
        for (RoleMapping mapping : settings.roleMappings()) {
            if (groups.contains(mapping.idpGroup().strip().toLowerCase(Locale.ROOT))) {
                wanted.merge(mapping.nodeId(), mapping.role(), (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
            }
        }
        return wanted;
    }

    /** The nodes the connection's mappings govern. */
    static Set<UUID> governed(ConnectionSettings settings) {
        Set<UUID> nodes = new HashSet<>();
        settings.roleMappings().forEach(mapping -> nodes.add(mapping.nodeId()));
        if (settings.defaultRole() != null) {
            nodes.add(settings.defaultRole().nodeId());
        }
        return nodes;
    }

    private SsoSignInRefusedException refuse(
            @Nullable Connection connection, UUID connectionId, @Nullable UUID accountId, String reason) {
        if (connection != null) {
            UUID groupId = connection.groupId();
            writes.run(
                    groupId,
                    plane -> events.publishEvent(
                            new SsoSignInRefused(groupId, connectionId, accountId, reason, RequestOrigin.current())));
        }
        log.info("A single sign-on through connection {} was refused: {}", connectionId, reason);
        return new SsoSignInRefusedException(reason);
    }

    private static FederatedSignIns.Method methodOf(Connection connection) {
        return switch (connection.type()) {
            case OIDC -> FederatedSignIns.Method.OIDC;
            case SAML -> FederatedSignIns.Method.SAML;
            case LDAP -> FederatedSignIns.Method.LDAP;
        };
    }

    private record Provisioned(Connection connection, UUID accountId) {}
}
