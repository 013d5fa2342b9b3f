package io.selvedge.collab.internal;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.ResourcePath;
import io.selvedge.collab.CreatedLink;
import io.selvedge.collab.LinkCreated;
import io.selvedge.collab.LinkPasswordException;
import io.selvedge.collab.LinkRevoked;
import io.selvedge.collab.LinkTakenOver;
import io.selvedge.collab.LinkThrottledException;
import io.selvedge.collab.LinkUsed;
import io.selvedge.collab.OpenedLink;
import io.selvedge.collab.ShareLink;
import io.selvedge.collab.ShareLinks;
import io.selvedge.content.InvalidContentException;
import io.selvedge.content.NoSuchContentException;
import io.selvedge.content.StyleLookups;
import io.selvedge.identity.SignInThrottledException;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import io.selvedge.storage.NewResource;
import io.selvedge.storage.ResourceHomes;
import io.selvedge.storage.ResourceKind;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Tree;
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
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Share links in the target's region; the token's SHA-256 also in the global home, to find the region. A
 * link serves only while its owner (its creator, or the admin who took it over) may still make links to its
 * target, as an invitation holds only while its inviter may still grant; and not inside a deleted node.
 */
@Service
@RequiredArgsConstructor
class LinkService implements ShareLinks {

    static final String STYLE = "style";
    static final String WORKROOM = "workroom";
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 256;

    private final ResourceHomes homes;
    private final GroupDataPlanes planes;
    private final StyleLookups styles;
    private final Tree tree;
    private final PasswordEncoder passwords;
    private final LinkThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final GroupWrites writes;
    private final Authorization authorization;
    private final LinkRepository rows;
    private final SecureRandom random = new SecureRandom();

    /** Whether the link's owner may still make links to its target (checked at every use, never cached here). */
    private boolean ownerMayLink(LinkRepository.Row row) {
        return authorization.allowedFor(row.owner(), row.targetId()).contains(Action.MANAGE_LINKS);
    }

    private ShareLink.State state(LinkRepository.Row row) {
        return ownerMayLink(row) ? ShareLink.State.LIVE : ShareLink.State.SUSPENDED;
    }

    /** The target's place, if it is there and nothing on its path is deleted; else it is not found. */
    private ResourcePath existing(UUID targetId) {
        return authorization
                .locate(targetId)
                .filter(path -> !path.deletedOnPath())
                .orElseThrow(NoSuchContentException::new);
    }

    @Override
    public CreatedLink create(
            UUID targetId,
            String targetKind,
            Instant expiresAt,
            @Nullable String password,
            boolean allowDownload,
            UUID actor) {
        Instant now = clock.instant();
        if (expiresAt == null || !expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            throw new InvalidContentException(
                    "A link expires in the future, within " + MAX_LIFETIME.toDays() + " days.");
        }
        if (password != null && (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD)) {
            throw new InvalidContentException(
                    "A link's password has " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters.");
        }
        existing(targetId);
        UUID groupId = switch (targetKind) {
            case STYLE -> styles.groupOf(targetId);
            case WORKROOM -> tree.get(NodeKind.WORKROOM, targetId).groupId();
            default -> throw new IllegalArgumentException("A link is to a style or a workroom");
        };
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash = hash(token);
        String passwordHash = password == null ? null : passwords.encode(password);
        UUID id = UUID.randomUUID();
        writes.create(groupId, new NewResource(id, ResourceKind.LINK, hash), plane -> {
            rows.insert(
                    plane.jdbc(),
                    id,
                    groupId,
                    targetId,
                    targetKind,
                    hash,
                    passwordHash,
                    allowDownload,
                    expiresAt,
                    actor,
                    now);
            events.publishEvent(
                    new LinkCreated(groupId, id, targetId, AuditActor.account(actor), RequestOrigin.current()));
        });
        return new CreatedLink(id, token);
    }

    @Override
    public List<ShareLink> list(UUID targetId) {
        UUID groupId = existing(targetId).groupId();
        Instant now = clock.instant();
        return rows.toTarget(planes.of(groupId).jdbc(), groupId, targetId).stream()
                .filter(row -> row.live(now))
                .map(row -> row.link(state(row)))
                .toList();
    }

    @Override
    public Optional<UUID> targetOf(UUID linkId) {
        return row(linkId).map(LinkRepository.Row::targetId);
    }

    private Optional<LinkRepository.Row> row(UUID linkId) {
        return homes.find(linkId)
                .filter(home -> home.kind() == ResourceKind.LINK)
                .flatMap(home -> rows.find(planes.of(home.groupId()).jdbc(), home.groupId(), linkId));
    }

    @Override
    public void revoke(UUID linkId, UUID actor) {
        LinkRepository.Row row =
                row(linkId).filter(found -> found.live(clock.instant())).orElseThrow(NoSuchContentException::new);
        writes.run(row.groupId(), plane -> {
            rows.revoke(plane.jdbc(), linkId, clock.instant());
            events.publishEvent(
                    new LinkRevoked(row.groupId(), linkId, AuditActor.account(actor), RequestOrigin.current()));
        });
    }

    @Override
    public ShareLink takeOver(UUID linkId, UUID actor) {
        LinkRepository.Row row =
                row(linkId).filter(found -> found.live(clock.instant())).orElseThrow(NoSuchContentException::new);
        existing(row.targetId());
        writes.run(row.groupId(), plane -> {
            rows.takeOver(plane.jdbc(), linkId, actor);
            events.publishEvent(new LinkTakenOver(
                    row.groupId(), linkId, row.owner(), AuditActor.account(actor), RequestOrigin.current()));
        });
        return row(linkId).map(taken -> taken.link(state(taken))).orElseThrow(NoSuchContentException::new);
    }

    @Override
    public Optional<ShareLink> find(String token) {
        return live(token).map(row -> row.link(ShareLink.State.LIVE));
    }

    private Optional<LinkRepository.Row> live(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return homes.findByToken(hash(token))
                .flatMap(home -> row(home.id()))
                .filter(row -> row.live(now))
                .filter(row -> authorization
                        .locate(row.targetId())
                        .filter(path -> !path.deletedOnPath())
                        .isPresent())
                .filter(this::ownerMayLink);
    }

    @Override
    public Optional<OpenedLink> open(String token, @Nullable String password) {
        Optional<LinkRepository.Row> found = live(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LinkRepository.Row row = found.get();
        if (row.passwordHash() != null) {
            // A guess takes its token atomically; a visit without a password only reads the wait.
            Duration wait =
                    password == null || password.isEmpty() ? throttle.waitBefore(row.id()) : throttle.take(row.id());
            if (!wait.isZero()) {
                throw new LinkThrottledException(wait);
            }
            if (password == null || password.isEmpty() || !checked(password, row.passwordHash())) {
                if (password != null && !password.isEmpty()) {
                    throttle.failed(row.id());
                    used(row, "refused");
                }
                throw new LinkPasswordException();
            }
            throttle.succeeded(row.id());
        }
        used(row, "opened");
        return Optional.of(
                new OpenedLink(row.id(), row.groupId(), row.targetId(), row.targetKind(), row.allowDownload()));
    }

    /** The password's hash compared, or a wait when the node already checks as many as it may at once. */
    private boolean checked(String password, String hash) {
        try {
            return passwords.matches(password, hash);
        } catch (SignInThrottledException busy) {
            throw new LinkThrottledException(busy.retryAfter());
        }
    }

    @Override
    public void recordUse(UUID linkId, String use) {
        homes.find(linkId)
                .filter(home -> home.kind() == ResourceKind.LINK)
                .ifPresent(home -> used(linkId, home.groupId(), use));
    }

    private void used(UUID linkId, UUID groupId, String use) {
        writes.run(groupId, plane -> events.publishEvent(new LinkUsed(groupId, linkId, use, RequestOrigin.current())));
    }

    private void used(LinkRepository.Row row, String use) {
        used(row.id(), row.groupId(), use);
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
