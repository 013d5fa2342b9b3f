package io.selvedge.sso.internal;

import io.selvedge.access.NotVisibleException;
import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.sso.Connection;
import io.selvedge.sso.ConnectionRefusedException;
import io.selvedge.sso.ConnectionSettings;
import io.selvedge.sso.ConnectionType;
import io.selvedge.sso.IdentityProviderChanged;
import io.selvedge.sso.IdentityProviderChanged.Change;
import io.selvedge.sso.IdentityProviders;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import io.selvedge.storage.NewResource;
import io.selvedge.storage.ResourceHomes;
import io.selvedge.storage.ResourceKind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.json.JsonMapper;

/** {@link IdentityProviders}: rows in the group's region, routes and homes in the directory. */
@Service
@RequiredArgsConstructor
class ConnectionService implements IdentityProviders {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConnectionRepository records;
    private final ConnectionRoutes routes;
    private final ConnectionChecks checks;
    private final GroupWrites writes;
    private final GroupDataPlanes planes;
    private final ResourceHomes homes;
    private final FieldCiphers ciphers;
    private final Callers callers;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;
    private final PlatformProperties platform;
    private final Clock clock;

    @Override
    public Connection create(UUID groupId, ConnectionSettings settings, @Nullable String secret) {
        Caller caller = callers.current().orElseThrow(NotVisibleException::new);
        ConnectionSettings checked = checks.checked(groupId, settings, secret, true);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        route(checked, id, groupId);
        try {
            writes.create(groupId, NewResource.of(ResourceKind.SSO_CONNECTION, id), plane -> {
                FieldCipher cipher = ciphers.of(groupId);
                records.insert(
                        plane.jdbc(),
                        new ConnectionRepository.Row(
                                id,
                                groupId,
                                checked.type().name(),
                                ConnectionRepository.SETTINGS.encrypt(cipher, JSON.writeValueAsString(checked), id),
                                ConnectionRepository.SECRET.encrypt(cipher, blankToNull(secret), id),
                                1,
                                now,
                                now),
                        caller.accountId());
                events.publishEvent(new IdentityProviderChanged(
                        groupId, id, checked.type(), Change.CREATED, caller.accountId(), RequestOrigin.current()));
            });
        } catch (RuntimeException e) {
            routes.removeAll(id);
            throw e;
        }
        return get(groupId, id);
    }

    @Override
    public List<Connection> connectionsOf(UUID groupId) {
        GroupDataPlane plane = planes.of(groupId);
        FieldCipher cipher = ciphers.of(groupId);
        return records.ofGroup(plane.jdbc(), groupId).stream()
                .map(row -> connection(row, cipher))
                .toList();
    }

    @Override
    public Connection get(UUID groupId, UUID connectionId) {
        return records.find(planes.of(groupId).jdbc(), groupId, connectionId)
                .map(row -> connection(row, ciphers.of(groupId)))
                .orElseThrow(ConnectionRefusedException::notFound);
    }

    @Override
    public Connection update(
            UUID groupId,
            UUID connectionId,
            ConnectionSettings settings,
            @Nullable String newSecret,
            @Nullable Long expectedVersion) {
        Caller caller = callers.current().orElseThrow(NotVisibleException::new);
        Connection current = get(groupId, connectionId);
        if (settings.type() != current.type()) {
            throw ConnectionRefusedException.invalid("A connection's type cannot change: add another connection.");
        }
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw changedMeanwhile(current.version());
        }
        ConnectionSettings checked = checks.checked(groupId, settings, blankToNull(newSecret), false);
        transactions.executeWithoutResult(tx -> routes.removeAll(connectionId));
        try {
            route(checked, connectionId, groupId);
        } catch (ConnectionRefusedException taken) {
            route(current.settings(), connectionId, groupId);
            throw taken;
        }
        try {
            writes.run(groupId, plane -> {
                FieldCipher cipher = ciphers.of(groupId);
                boolean changed = records.update(
                        plane.jdbc(),
                        connectionId,
                        current.version(),
                        ConnectionRepository.SETTINGS.encrypt(cipher, JSON.writeValueAsString(checked), connectionId),
                        ConnectionRepository.SECRET.encrypt(cipher, blankToNull(newSecret), connectionId),
                        clock.instant());
                if (!changed) {
                    throw changedMeanwhile(current.version());
                }
                events.publishEvent(new IdentityProviderChanged(
                        groupId,
                        connectionId,
                        checked.type(),
                        Change.UPDATED,
                        caller.accountId(),
                        RequestOrigin.current()));
            });
        } catch (RuntimeException e) {
            transactions.executeWithoutResult(tx -> routes.removeAll(connectionId));
            route(current.settings(), connectionId, groupId);
            throw e;
        }
        return get(groupId, connectionId);
    }

    @Override
    public void delete(UUID groupId, UUID connectionId) {
        Caller caller = callers.current().orElseThrow(NotVisibleException::new);
        Connection current = get(groupId, connectionId);
        writes.run(groupId, plane -> {
            if (records.delete(plane.jdbc(), connectionId)) {
                events.publishEvent(new IdentityProviderChanged(
                        groupId,
                        connectionId,
                        current.type(),
                        Change.DELETED,
                        caller.accountId(),
                        RequestOrigin.current()));
            }
        });
        routes.removeAll(connectionId);
        homes.forget(connectionId);
    }

    @Override
    public Optional<Connection> find(UUID connectionId) {
        return homes.groupOf(connectionId, ResourceKind.SSO_CONNECTION)
                .flatMap(groupId -> records.find(planes.of(groupId).jdbc(), groupId, connectionId)
                        .map(row -> connection(row, ciphers.of(groupId))));
    }

    @Override
    public Optional<Connection> forEmail(String emailOrDomain) {
        if (emailOrDomain == null || emailOrDomain.isBlank()) {
            return Optional.empty();
        }
        String domain =
                emailOrDomain.substring(emailOrDomain.lastIndexOf('@') + 1).strip();
        try {
            domain = ConnectionChecks.normalisedDomain(domain);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return routes.of(domain.toLowerCase(Locale.ROOT)).flatMap(route -> find(route.connectionId()));
    }

    @Override
    public Optional<String> secretOf(UUID connectionId) {
        return homes.groupOf(connectionId, ResourceKind.SSO_CONNECTION)
                .flatMap(groupId -> records.find(planes.of(groupId).jdbc(), groupId, connectionId)
                        .map(row ->
                                ConnectionRepository.SECRET.decrypt(ciphers.of(groupId), row.secret(), connectionId)));
    }

    @Override
    public Endpoints endpointsOf(UUID connectionId) {
        String base = platform.publicUrl().toString().replaceAll("/+$", "") + "/sso/" + connectionId;
        return new Endpoints(base, base + "/callback", base + "/metadata", base + "/acs", base + "/metadata");
    }

    /** Routes the connection's domains to it, or refuses (409) a domain routed to another already. */
    private void route(ConnectionSettings settings, UUID connectionId, UUID groupId) {
        for (String domain : settings.domains()) {
            routes.of(domain)
                    .filter(route -> !route.connectionId().equals(connectionId))
                    .ifPresent(route -> {
                        throw taken(domain);
                    });
        }
        try {
            transactions.executeWithoutResult(
                    tx -> routes.add(settings.domains(), connectionId, groupId, settings.type()));
        } catch (DuplicateKeyException e) {
            throw taken(String.join(", ", settings.domains()));
        }
    }

    private static ConnectionRefusedException taken(String domain) {
        return new ConnectionRefusedException(
                HttpStatus.CONFLICT,
                "The domain " + domain + " routes to another connection already: a domain routes to one only.");
    }

    private static ConnectionRefusedException changedMeanwhile(long version) {
        return new ConnectionRefusedException(
                HttpStatus.CONFLICT,
                "The connection was changed meanwhile (now version " + version + "): read it again.");
    }

    private static Connection connection(ConnectionRepository.Row row, FieldCipher cipher) {
        String json = ConnectionRepository.SETTINGS.decrypt(cipher, row.settings(), row.id());
        ConnectionSettings settings = JSON.readValue(json, ConnectionSettings.class);
        if (settings.type() != ConnectionType.valueOf(row.type())) {
            throw new IllegalStateException("The connection's stored type and settings disagree");
        }
        return new Connection(row.id(), row.groupId(), settings, row.version(), row.createdAt(), row.updatedAt());
    }

    @Nullable
    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
