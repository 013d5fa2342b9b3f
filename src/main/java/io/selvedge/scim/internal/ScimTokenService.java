package io.selvedge.scim.internal;

import io.selvedge.access.NotVisibleException;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.scim.ScimTokenCreated;
import io.selvedge.scim.ScimTokenRevoked;
import io.selvedge.scim.ScimTokens;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import io.selvedge.storage.NewResource;
import io.selvedge.storage.ResourceHome;
import io.selvedge.storage.ResourceHomes;
import io.selvedge.storage.ResourceKind;
import io.selvedge.storage.UnknownGroupException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * {@link ScimTokens}: a token is {@code scim_} and 43 characters of 256 random bits; its SHA-256 is the
 * home's token hash, by which a request finds the token's group, then its row in the group's region (a
 * revoked token has neither).
 */
@Service
@RequiredArgsConstructor
class ScimTokenService implements ScimTokens {

    static final String PREFIX = "scim_";
    private static final int SECRET_LENGTH = PREFIX.length() + 43;
    private static final Duration RECORD_USE_EVERY = Duration.ofMinutes(1);

    private final GroupWrites writes;
    private final GroupDataPlanes planes;
    private final ResourceHomes homes;
    private final ScimTokenRepository rows;
    private final FieldCiphers ciphers;
    private final Callers callers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Override
    public CreatedScimToken create(UUID groupId, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME || clean.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Name the token: 1 to " + MAX_NAME + " characters.");
        }
        Caller admin = callers.current().orElseThrow(NotVisibleException::new);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        writes.create(groupId, new NewResource(id, ResourceKind.SCIM_TOKEN, hash(token)), plane -> {
            String sealed = ScimTokenRepository.NAME.encrypt(ciphers.of(groupId), clean, id);
            rows.insert(plane.jdbc(), new ScimTokenRepository.Row(id, groupId, sealed, admin.accountId(), now, null));
            events.publishEvent(
                    new ScimTokenCreated(groupId, id, AuditActor.account(admin.accountId()), RequestOrigin.current()));
        });
        return new CreatedScimToken(id, clean, token, now);
    }

    @Override
    public List<ScimToken> tokensOf(UUID groupId) {
        return rows.ofGroup(planes.of(groupId).jdbc(), groupId).stream()
                .map(row -> new ScimToken(
                        row.id(),
                        ScimTokenRepository.NAME.decrypt(ciphers.of(groupId), row.sealedName(), row.id()),
                        row.createdBy(),
                        row.createdAt(),
                        row.lastUsedAt()))
                .toList();
    }

    @Override
    public boolean revoke(UUID groupId, UUID tokenId) {
        Caller admin = callers.current().orElseThrow(NotVisibleException::new);
        boolean removed = Boolean.TRUE.equals(writes.write(groupId, plane -> {
            if (!rows.delete(plane.jdbc(), groupId, tokenId)) {
                return false;
            }
            events.publishEvent(new ScimTokenRevoked(
                    groupId, tokenId, AuditActor.account(admin.accountId()), RequestOrigin.current()));
            return true;
        }));
        if (removed) {
            homes.forget(tokenId);
        }
        return removed;
    }

    /** The client a bearer token stands for; empty for a malformed, unknown or revoked one. */
    Optional<ScimClient> authenticate(String token) {
        if (token == null || token.length() != SECRET_LENGTH || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<ResourceHome> home =
                homes.findByToken(hash(token)).filter(found -> found.kind() == ResourceKind.SCIM_TOKEN);
        if (home.isEmpty()) {
            return Optional.empty();
        }
        UUID groupId = home.get().groupId();
        UUID tokenId = home.get().id();
        JdbcClient jdbc;
        try {
            jdbc = planes.of(groupId).jdbc();
        } catch (UnknownGroupException gone) {
            return Optional.empty();
        }
        Optional<ScimTokenRepository.Row> row = rows.find(jdbc, groupId, tokenId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant last = row.get().lastUsedAt();
        if (last == null || last.plus(RECORD_USE_EVERY).isBefore(now)) {
            writes.run(groupId, plane -> rows.used(plane.jdbc(), tokenId, now));
        }
        return Optional.of(new ScimClient(groupId, tokenId));
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
