package io.selvedge.collab.internal;

import io.selvedge.access.Action;
import io.selvedge.access.ActionDeniedException;
import io.selvedge.access.Authorization;
import io.selvedge.collab.Comment;
import io.selvedge.collab.CommentDeleted;
import io.selvedge.collab.CommentEdited;
import io.selvedge.collab.CommentPosted;
import io.selvedge.collab.CommentScreenshot;
import io.selvedge.collab.Comments;
import io.selvedge.collab.Pin;
import io.selvedge.content.Colorways;
import io.selvedge.content.InvalidContentException;
import io.selvedge.content.NoSuchContentException;
import io.selvedge.content.Style;
import io.selvedge.content.StyleAttachments;
import io.selvedge.content.Styles;
import io.selvedge.content.Versions;
import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.crypto.GroupFiles;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountSummary;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.PageCursor;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import io.selvedge.storage.NewResource;
import io.selvedge.storage.ResourceHomes;
import io.selvedge.storage.ResourceKind;
import io.selvedge.tenancy.InvalidPageException;
import io.selvedge.tenancy.Page;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Comments in the style's region; body and pin encrypted under the group's field key, bound to the row; a
 * screenshot a file of the group (streaming AEAD, like a version's), named by the row.
 */
@Service
@RequiredArgsConstructor
class CommentService implements Comments {

    private static final Logger log = LoggerFactory.getLogger(CommentService.class);

    static final int MAX_BODY = 10_000;
    static final int MAX_LIMIT = 200;
    static final int MAX_MENTIONS = 20;
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}@._-])@([A-Za-z0-9][A-Za-z0-9._-]{2,63})");

    private final ResourceHomes homes;
    private final GroupDataPlanes planes;
    private final FieldCiphers ciphers;
    private final Styles styles;
    private final Versions versions;
    private final Colorways colorways;
    private final AccountDirectory directory;
    private final Authorization authorization;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final GroupWrites writes;
    private final CommentRepository rows;
    private final GroupFiles files;

    @Override
    public Comment post(
            UUID styleId,
            String body,
            @Nullable UUID versionId,
            @Nullable Pin pin,
            @Nullable UUID colorwayId,
            @Nullable String screenshot,
            UUID actor) {
        String text = body(body);
        @Nullable CommentScreenshot picture = Screenshots.decode(screenshot);
        Style style = styles.get(styleId);
        if (versionId != null) {
            if (!versions.get(versionId).styleId().equals(styleId)) {
                // As for an id that names nothing: another style's (or group's) version must not be told apart.
                throw new NoSuchContentException();
            }
        }
        if (colorwayId != null) {
            colorways.get(styleId, colorwayId); // the style's own, or not found
        }
        UUID groupId = style.groupId();
        Set<UUID> mentioned = mentioned(text, styleId, actor);
        FieldCipher cipher = ciphers.of(groupId);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        // The screenshot's file first (encrypted as it is written); the row that names it commits with the
        // comment, and a comment that fails to commit deletes the file again, as a version's does.
        @Nullable String file = picture == null ? null : storeScreenshot(groupId, styleId, id, picture);
        try {
            writes.create(groupId, NewResource.of(ResourceKind.COMMENT, id), plane -> {
                rows.insert(
                        plane.jdbc(),
                        id,
                        groupId,
                        styleId,
                        versionId,
                        actor,
                        CommentRepository.BODY.encrypt(cipher, text, id),
                        pin == null ? null : CommentRepository.PIN.encrypt(cipher, pinText(pin), id),
                        colorwayId,
                        file,
                        picture == null ? null : picture.contentType(),
                        now);
                events.publishEvent(new CommentPosted(
                        groupId,
                        styleId,
                        id,
                        Set.copyOf(mentioned),
                        AuditActor.account(actor),
                        RequestOrigin.current()));
            });
        } catch (RuntimeException e) {
            if (file != null) {
                deleteScreenshot(groupId, file);
            }
            throw e;
        }
        return new Comment(
                id,
                styleId,
                versionId,
                actor,
                text,
                pin,
                false,
                null,
                null,
                now,
                now,
                colorwayId,
                picture == null ? null : picture.contentType());
    }

    private String storeScreenshot(UUID groupId, UUID styleId, UUID commentId, CommentScreenshot picture) {
        String file = StyleAttachments.fileId(styleId, "screenshot", commentId);
        try {
            files.write(groupId, file, new ByteArrayInputStream(picture.bytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the screenshot of a comment", e);
        }
        return file;
    }

    private void deleteScreenshot(UUID groupId, String file) {
        try {
            files.delete(groupId, file);
        } catch (IOException e) {
            // The style's purge deletes what is left under its prefix.
            log.warn("Could not delete the screenshot file of a comment of group {}", groupId, e);
        }
    }

    @Override
    public CommentScreenshot screenshot(UUID commentId) {
        CommentRepository.Row row = row(commentId);
        styles.get(row.styleId()); // a live style only
        if (row.screenshotFile() == null || row.screenshotType() == null) {
            throw new NoSuchContentException();
        }
        try (InputStream in = files.open(row.groupId(), row.screenshotFile())) {
            return new CommentScreenshot(in.readAllBytes(), row.screenshotType());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the screenshot of a comment", e);
        }
    }

    /** The accounts a body mentions that may see the style, the author aside; nobody else is revealed. */
    private Set<UUID> mentioned(String text, UUID styleId, UUID actor) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find() && names.size() < MAX_MENTIONS) {
            String name = matcher.group(1);
            while (name.endsWith(".") || name.endsWith("-") || name.endsWith("_")) {
                name = name.substring(0, name.length() - 1);
            }
            names.add(name.toLowerCase(Locale.ROOT));
        }
        Set<UUID> accounts = new LinkedHashSet<>();
        for (String name : names) {
            directory
                    .accountWithUsername(name)
                    .filter(account -> account.staffRole() == null)
                    .map(AccountSummary::id)
                    .filter(id -> !id.equals(actor))
                    .filter(id -> authorization.allowedFor(id, styleId).contains(Action.VIEW))
                    .ifPresent(accounts::add);
        }
        return accounts;
    }

    @Override
    public Page<Comment> list(
            UUID styleId, @Nullable Boolean resolved, @Nullable UUID colorwayId, int limit, @Nullable String cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidPageException("The limit is 1 to " + MAX_LIMIT + ".");
        }
        Style style = styles.get(styleId);
        List<CommentRepository.Row> found =
                rows.ofStyle(planes.of(style.groupId()).jdbc(), style.groupId(), styleId, resolved, colorwayId);
        int from = 0;
        if (cursor != null) {
            UUID after = PageCursor.id(cursor);
            from = -1;
            for (int i = 0; i < found.size(); i++) {
                if (found.get(i).id().equals(after)) {
                    from = i + 1;
                    break;
                }
            }
            if (from < 0) {
                throw new InvalidPageException("The cursor is no longer valid.");
            }
        }
        List<CommentRepository.Row> rest = found.subList(from, found.size());
        List<Comment> items = rest.stream().limit(limit).map(this::decrypted).toList();
        String next =
                rest.size() > limit ? PageCursor.of(items.get(items.size() - 1).id()) : null;
        return new Page<>(items, next);
    }

    @Override
    public Comment get(UUID commentId) {
        return decrypted(row(commentId));
    }

    @Override
    public UUID styleOf(UUID commentId) {
        return row(commentId).styleId();
    }

    private CommentRepository.Row row(UUID commentId) {
        UUID groupId = homes.groupOf(commentId, ResourceKind.COMMENT).orElseThrow(NoSuchContentException::new);
        return rows.find(planes.of(groupId).jdbc(), groupId, commentId).orElseThrow(NoSuchContentException::new);
    }

    @Override
    public Comment change(UUID commentId, @Nullable String body, @Nullable Boolean resolved, UUID actor) {
        if (body == null && resolved == null) {
            throw new InvalidContentException("Give a body or resolved.");
        }
        String text = body == null ? null : body(body);
        CommentRepository.Row row = row(commentId);
        styles.get(row.styleId()); // a live style only
        if (text != null && !row.authorId().equals(actor)) {
            throw new ActionDeniedException("Only its author edits a comment.");
        }
        FieldCipher cipher = ciphers.of(row.groupId());
        Instant now = clock.instant();
        writes.run(row.groupId(), plane -> {
            JdbcClient jdbc = plane.jdbc();
            if (text != null) {
                rows.changeBody(jdbc, commentId, CommentRepository.BODY.encrypt(cipher, text, commentId), now);
            }
            if (resolved != null && resolved != row.resolved()) {
                rows.resolve(jdbc, commentId, resolved, resolved ? actor : null, resolved ? now : null);
            }
            events.publishEvent(new CommentEdited(
                    row.groupId(), row.styleId(), commentId, AuditActor.account(actor), RequestOrigin.current()));
        });
        return get(commentId);
    }

    @Override
    public void delete(UUID commentId, UUID actor, boolean anyone) {
        CommentRepository.Row row = row(commentId);
        if (!anyone && !row.authorId().equals(actor)) {
            throw new ActionDeniedException("Only its author, or an admin, deletes a comment.");
        }
        writes.run(row.groupId(), plane -> {
            rows.delete(plane.jdbc(), commentId);
            events.publishEvent(new CommentDeleted(
                    row.groupId(),
                    row.styleId(),
                    commentId,
                    row.authorId(),
                    AuditActor.account(actor),
                    RequestOrigin.current()));
        });
        homes.forget(commentId);
        if (row.screenshotFile() != null) {
            deleteScreenshot(row.groupId(), row.screenshotFile());
        }
    }

    private Comment decrypted(CommentRepository.Row row) {
        FieldCipher cipher = ciphers.of(row.groupId());
        UUID id = row.id();
        return new Comment(
                row.id(),
                row.styleId(),
                row.versionId(),
                row.authorId(),
                CommentRepository.BODY.decrypt(cipher, row.body(), id),
                row.pin() == null ? null : pin(CommentRepository.PIN.decrypt(cipher, row.pin(), id)),
                row.resolved(),
                row.resolvedBy(),
                row.resolvedAt(),
                row.createdAt(),
                row.updatedAt(),
                row.colorwayId(),
                row.screenshotType());
    }

    static String body(@Nullable String body) {
        String text = body == null ? "" : body.strip();
        int length = text.codePointCount(0, text.length());
        if (length < 1 || length > MAX_BODY) {
            throw new InvalidContentException("A comment has 1 to " + MAX_BODY + " characters.");
        }
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new InvalidContentException("A comment may not contain control characters.");
        }
        return text;
    }

    static String pinText(Pin pin) {
        return pin.z() == null ? pin.x() + "," + pin.y() : pin.x() + "," + pin.y() + "," + pin.z();
    }

    static Pin pin(String text) {
        String[] parts = text.split(",");
        return new Pin(
                Double.parseDouble(parts[0]),
                Double.parseDouble(parts[1]),
                parts.length > 2 ? Double.valueOf(parts[2]) : null);
    }
}
