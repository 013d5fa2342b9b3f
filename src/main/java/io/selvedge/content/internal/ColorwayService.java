package io.selvedge.content.internal;

import io.selvedge.content.Colorway;
import io.selvedge.content.ColorwayChanged;
import io.selvedge.content.ColorwayCreated;
import io.selvedge.content.ColorwayDeleted;
import io.selvedge.content.Colorways;
import io.selvedge.content.ContentRefusedException;
import io.selvedge.content.InvalidContentException;
import io.selvedge.content.NoSuchContentException;
import io.selvedge.content.Style;
import io.selvedge.content.StyleStatus;
import io.selvedge.content.Styles;
import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.crypto.GroupFiles;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Colorways in each group's region. Every change locks the style's row (it must be live, and names stay
 * unique in it whatever runs at once) and publishes its event in the same regional transaction.
 */
@Service
@RequiredArgsConstructor
class ColorwayService implements Colorways {

    private static final Logger log = LoggerFactory.getLogger(ColorwayService.class);

    private final GroupWrites writes;
    private final ColorwayRepository rows;
    private final StyleRepository styleRows;
    private final VersionRepository versionRows;
    private final RenderRepository renderRows;
    private final GroupFiles files;
    private final GroupDataPlanes planes;
    private final FieldCiphers ciphers;
    private final Styles styles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Override
    public List<Colorway> list(UUID styleId) {
        Style style = styles.get(styleId);
        FieldCipher cipher = ciphers.of(style.groupId());
        return rows.ofStyle(planes.of(style.groupId()).jdbc(), style.groupId(), styleId).stream()
                .map(row -> decrypted(row, cipher))
                .toList();
    }

    @Override
    public Colorway get(UUID styleId, UUID colorwayId) {
        Style style = styles.get(styleId);
        return decrypted(row(planes.of(style.groupId()).jdbc(), style, colorwayId), ciphers.of(style.groupId()));
    }

    @Override
    public Colorway create(UUID styleId, String name, String swatch, @Nullable UUID imageVersionId, UUID actor) {
        String cleanName = ColorwayFields.name(name);
        String cleanSwatch = ColorwayFields.swatch(swatch);
        Style style = styles.get(styleId);
        FieldCipher cipher = ciphers.of(style.groupId());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        return writes.write(style.groupId(), plane -> {
            JdbcClient jdbc = plane.jdbc();
            lockLive(jdbc, styleId);
            List<ColorwayRepository.Row> existing = rows.ofStyle(jdbc, style.groupId(), styleId);
            if (existing.size() >= MAX_PER_STYLE) {
                throw new ContentRefusedException("A style has at most " + MAX_PER_STYLE + " colorways.");
            }
            if (names(existing, cipher, null).contains(ColorwayFields.key(cleanName))) {
                throw new ContentRefusedException("The style has a colorway of that name.");
            }
            checkImage(jdbc, style, imageVersionId);
            insert(jdbc, style, id, cleanName, cleanSwatch, imageVersionId, null, actor, now, cipher);
            return new Colorway(
                    id, styleId, cleanName, cleanSwatch, imageVersionId, StyleStatus.IN_REVIEW, null, null, actor, now);
        });
    }

    @Override
    public Colorway change(UUID styleId, UUID colorwayId, ColorwayChange change, UUID actor) {
        if (change.isEmpty()) {
            throw new InvalidContentException("Give at least one of name, swatch, imageVersionId.");
        }
        String name = change.name() == null ? null : ColorwayFields.name(change.name());
        String swatch = change.swatch() == null ? null : ColorwayFields.swatch(change.swatch());
        Style style = styles.get(styleId);
        FieldCipher cipher = ciphers.of(style.groupId());
        Instant now = clock.instant();
        return writes.write(style.groupId(), plane -> {
            JdbcClient jdbc = plane.jdbc();
            lockLive(jdbc, styleId);
            row(jdbc, style, colorwayId);
            Set<String> fields = new LinkedHashSet<>();
            if (name != null) {
                if (names(rows.ofStyle(jdbc, style.groupId(), styleId), cipher, colorwayId)
                        .contains(ColorwayFields.key(name))) {
                    throw new ContentRefusedException("The style has a colorway of that name.");
                }
                rows.update(
                        jdbc,
                        colorwayId,
                        ColorwayRepository.NAME,
                        ColorwayRepository.NAME.encrypt(cipher, name, colorwayId),
                        now);
                fields.add("name");
            }
            if (swatch != null) {
                rows.update(
                        jdbc,
                        colorwayId,
                        ColorwayRepository.SWATCH,
                        ColorwayRepository.SWATCH.encrypt(cipher, swatch, colorwayId),
                        now);
                fields.add("swatch");
            }
            if (change.imageVersionId() != null || change.clearImage()) {
                UUID image = change.clearImage() ? null : change.imageVersionId();
                checkImage(jdbc, style, image);
                rows.setImage(jdbc, colorwayId, image, now);
                fields.add("image");
            }
            events.publishEvent(new ColorwayChanged(
                    style.groupId(),
                    styleId,
                    colorwayId,
                    Set.copyOf(fields),
                    AuditActor.account(actor),
                    RequestOrigin.current()));
            return decrypted(row(jdbc, style, colorwayId), cipher);
        });
    }

    @Override
    public void delete(UUID styleId, UUID colorwayId, UUID actor) {
        Style style = styles.get(styleId);
        List<String> renders = writes.write(style.groupId(), plane -> {
            JdbcClient jdbc = plane.jdbc();
            lockLive(jdbc, styleId);
            row(jdbc, style, colorwayId);
            List<String> renderFiles = renderRows.filesOfColorway(jdbc, colorwayId);
            rows.delete(jdbc, colorwayId); // its renders' rows with it
            events.publishEvent(new ColorwayDeleted(
                    style.groupId(), styleId, colorwayId, AuditActor.account(actor), RequestOrigin.current()));
            return renderFiles;
        });
        // Once the change committed: a rollback keeps rows that still name these files.
        for (String file : renders) {
            try {
                files.delete(style.groupId(), file);
            } catch (IOException e) {
                // Left behind, encrypted and named by no row (no sweep of unnamed render files yet).
                log.warn(
                        "A deleted colorway's render file {} stayed in group {}'s store: {}",
                        file,
                        style.groupId(),
                        e.toString());
            }
        }
    }

    @Override
    public Colorway setStatus(UUID styleId, UUID colorwayId, StyleStatus status, UUID actor) {
        Style style = styles.get(styleId);
        FieldCipher cipher = ciphers.of(style.groupId());
        Instant now = clock.instant();
        return writes.write(style.groupId(), plane -> {
            JdbcClient jdbc = plane.jdbc();
            lockLive(jdbc, styleId);
            row(jdbc, style, colorwayId);
            rows.setStatus(jdbc, colorwayId, status, actor, now);
            return decrypted(row(jdbc, style, colorwayId), cipher);
        });
    }

    /**
     * The variants a version's file names, matched by name (whatever the case) with the style's colorways;
     * those it does not have yet are added, up to the most a style has. Runs inside the unit of work that
     * records the version, whose style's row is already locked.
     */
    void fromFile(JdbcClient jdbc, Style style, UUID versionId, List<GltfVariants.Variant> variants, UUID actor) {
        for (GltfVariants.Variant variant : variants) {
            matchOrAdd(jdbc, style, versionId, variant.name(), variant.swatch(), actor);
        }
    }

    /**
     * The style's colorway of that name (whatever the case), added from the version's file if it has none;
     * null when the style already has the most. Runs inside a unit of work that locked the style's row.
     */
    @Nullable
    UUID matchOrAdd(JdbcClient jdbc, Style style, UUID versionId, String name, String swatch, UUID actor) {
        FieldCipher cipher = ciphers.of(style.groupId());
        List<ColorwayRepository.Row> existing = rows.ofStyle(jdbc, style.groupId(), style.id());
        String key = ColorwayFields.key(name);
        for (ColorwayRepository.Row row : existing) {
            if (ColorwayFields.key(ColorwayRepository.NAME.decrypt(cipher, row.name(), row.id()))
                    .equals(key)) {
                return row.id();
            }
        }
        if (existing.size() >= MAX_PER_STYLE) {
            return null;
        }
        UUID id = UUID.randomUUID();
        insert(jdbc, style, id, name, swatch, null, versionId, actor, clock.instant(), cipher);
        return id;
    }

    private void insert(
            JdbcClient jdbc,
            Style style,
            UUID id,
            String name,
            String swatch,
            @Nullable UUID imageVersionId,
            @Nullable UUID fromVersion,
            UUID actor,
            Instant now,
            FieldCipher cipher) {
        rows.insert(
                jdbc,
                id,
                style.groupId(),
                style.id(),
                ColorwayRepository.NAME.encrypt(cipher, name, id),
                ColorwayRepository.SWATCH.encrypt(cipher, swatch, id),
                imageVersionId,
                actor,
                now);
        events.publishEvent(new ColorwayCreated(
                style.groupId(), style.id(), id, fromVersion, AuditActor.account(actor), RequestOrigin.current()));
    }

    private void lockLive(JdbcClient jdbc, UUID styleId) {
        if (!styleRows.lockLive(jdbc, styleId)) {
            throw new NoSuchContentException();
        }
    }

    private ColorwayRepository.Row row(JdbcClient jdbc, Style style, UUID colorwayId) {
        return rows.find(jdbc, style.groupId(), style.id(), colorwayId).orElseThrow(NoSuchContentException::new);
    }

    /** An image is one of the style's own versions, and an image file. */
    private void checkImage(JdbcClient jdbc, Style style, @Nullable UUID imageVersionId) {
        if (imageVersionId == null) {
            return;
        }
        boolean image = versionRows
                .find(jdbc, style.groupId(), imageVersionId)
                .filter(version -> version.styleId().equals(style.id()))
                .filter(version -> version.contentType().startsWith("image/"))
                .isPresent();
        if (!image) {
            throw new InvalidContentException("A colorway's image is one of the style's versions that is an image.");
        }
    }

    /** The names of the colorways (as keys), but the one of {@code except}. */
    private static Set<String> names(List<ColorwayRepository.Row> rows, FieldCipher cipher, @Nullable UUID except) {
        Set<String> names = new HashSet<>();
        for (ColorwayRepository.Row row : rows) {
            if (!row.id().equals(except)) {
                names.add(ColorwayFields.key(ColorwayRepository.NAME.decrypt(cipher, row.name(), row.id())));
            }
        }
        return names;
    }

    private static Colorway decrypted(ColorwayRepository.Row row, FieldCipher cipher) {
        return new Colorway(
                row.id(),
                row.styleId(),
                ColorwayRepository.NAME.decrypt(cipher, row.name(), row.id()),
                ColorwayRepository.SWATCH.decrypt(cipher, row.swatch(), row.id()),
                row.imageVersionId(),
                row.status(),
                row.statusBy(),
                row.statusAt(),
                row.createdBy(),
                row.createdAt());
    }
}
