package io.selvedge.content.internal;

import io.selvedge.content.ContentProperties;
import io.selvedge.content.ContentRefusedException;
import io.selvedge.content.ContentTooLargeException;
import io.selvedge.content.NoSuchContentException;
import io.selvedge.content.Render;
import io.selvedge.content.RenderProperties;
import io.selvedge.content.Renders;
import io.selvedge.content.Version;
import io.selvedge.content.VersionPreviewed;
import io.selvedge.content.VersionRendered;
import io.selvedge.content.Versions;
import io.selvedge.crypto.GroupFiles;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import io.selvedge.storage.Stores;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Renders: the turntable is checked and re-encoded ({@link RenderImages}), its two files stored encrypted,
 * then one regional transaction, under the lock of the version's row, records them if no render of that
 * colorway came first, and publishes {@link VersionRendered}. A refusal there deletes the files again.
 */
@Service
@RequiredArgsConstructor
class RenderService implements Renders {

    private final Versions versions;
    private final VersionRepository versionRows;
    private final RenderRepository rows;
    private final ColorwayRepository colorways;
    private final GroupWrites writes;
    private final GroupDataPlanes planes;
    private final GroupFiles files;
    private final Stores stores;
    private final ContentProperties content;
    private final RenderProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Override
    public Render store(
            UUID versionId, @Nullable UUID colorwayId, int frames, InputStream image, long declaredLength, UUID actor)
            throws IOException {
        Version version = modelOf(versionId);
        UUID groupId = version.groupId();
        requireColorwayOf(version, colorwayId);
        long max = content.maxThumbnailSize().toBytes();
        String tooLarge = "A render may hold at most " + content.maxThumbnailSize() + ".";
        if (declaredLength > max) {
            throw new ContentTooLargeException(tooLarge);
        }
        RenderImages.Encoded encoded =
                RenderImages.turntable(new LimitedInputStream(image, max, tooLarge).readAllBytes(), frames);
        if (rendered(groupId, versionId, colorwayId).isPresent()) {
            throw alreadyRendered(); // the common case, refused before anything is stored
        }
        RenderRepository.Files stored = new RenderRepository.Files(
                StyleFiles.renderFile(versionId, "thumbnail"), StyleFiles.renderFile(versionId, "turntable"));
        files.write(groupId, stored.thumbnail(), new ByteArrayInputStream(encoded.thumbnail()));
        Instant now = clock.instant();
        try {
            files.write(groupId, stored.turntable(), new ByteArrayInputStream(encoded.turntable()));
            writes.run(groupId, plane -> {
                JdbcClient jdbc = plane.jdbc();
                if (!versionRows.lock(jdbc, versionId)) {
                    throw new NoSuchContentException();
                }
                Optional<RenderRow> existing = rows.find(jdbc, versionId, colorwayId);
                if (existing.map(RenderRow::rendered).orElse(false)) {
                    throw alreadyRendered(); // first wins
                }
                if (existing.isEmpty()) {
                    requireRoom(jdbc, versionId);
                    rows.insertAsked(jdbc, groupId, versionId, colorwayId, null);
                }
                rows.setRendered(
                        jdbc,
                        versionId,
                        colorwayId,
                        stored,
                        frames,
                        encoded.frameWidth(),
                        encoded.frameHeight(),
                        actor,
                        now);
                events.publishEvent(new VersionRendered(
                        groupId,
                        version.styleId(),
                        versionId,
                        colorwayId,
                        frames,
                        AuditActor.account(actor),
                        RequestOrigin.current()));
            });
        } catch (IOException | RuntimeException e) {
            files.delete(groupId, stored.thumbnail());
            files.delete(groupId, stored.turntable());
            throw e;
        }
        return new Render(versionId, colorwayId, frames, encoded.frameWidth(), encoded.frameHeight(), actor, now);
    }

    @Override
    public List<Render> list(UUID versionId) {
        return list(versions.get(versionId));
    }

    @Override
    public List<Render> list(Version version) {
        UUID versionId = version.id();
        return rows.ofVersion(planes.of(version.groupId()).jdbc(), version.groupId(), versionId).stream()
                .filter(RenderRow::rendered)
                .map(RenderRow::render)
                .sorted(Comparator.comparing(
                        Render::colorwayId, Comparator.nullsFirst(Comparator.<UUID>naturalOrder())))
                .toList();
    }

    @Override
    public Versions.Thumbnail picture(UUID versionId, @Nullable UUID colorwayId, UUID actor) throws IOException {
        Version version = versions.get(versionId);
        UUID groupId = version.groupId();
        requireColorwayOf(version, colorwayId);
        // An uploaded picture wins over any render.
        VersionRow row = versionRows
                .find(planes.of(groupId).jdbc(), groupId, versionId)
                .orElseThrow(NoSuchContentException::new);
        String file;
        String type;
        if (row.thumbnailFile() != null && row.thumbnailType() != null) {
            file = row.thumbnailFile();
            type = row.thumbnailType();
        } else {
            file = shown(groupId, versionId, colorwayId).thumbnailFile();
            type = RenderImages.JPEG;
        }
        byte[] bytes = read(groupId, file);
        previewed(version, actor);
        return new Versions.Thumbnail(bytes, type);
    }

    @Override
    public Turntable turntable(UUID versionId, @Nullable UUID colorwayId, UUID actor) throws IOException {
        Version version = versions.get(versionId);
        requireColorwayOf(version, colorwayId);
        RenderRow render = shown(version.groupId(), versionId, colorwayId);
        byte[] bytes = read(version.groupId(), render.turntableFile());
        previewed(version, actor);
        return new Turntable(render.render(), bytes, RenderImages.JPEG);
    }

    @Override
    public boolean ask(UUID versionId, @Nullable UUID colorwayId) {
        Version version = versions.get(versionId);
        if (!version.previewable()) {
            return false;
        }
        UUID groupId = version.groupId();
        requireColorwayOf(version, colorwayId);
        Optional<RenderRow> seen = rows.find(planes.of(groupId).jdbc(), versionId, colorwayId);
        if (seen.isPresent() && (seen.get().rendered() || seen.get().askedAt() != null)) {
            return false; // rendered, or asked of someone who still has time: no write for most page views
        }
        Instant now = clock.instant();
        return writes.write(groupId, plane -> {
            JdbcClient jdbc = plane.jdbc();
            if (!versionRows.lock(jdbc, versionId)) {
                return false;
            }
            Optional<RenderRow> existing = rows.find(jdbc, versionId, colorwayId);
            if (existing.isEmpty()) {
                if (rows.count(jdbc, versionId) >= MAX_PER_VERSION) {
                    return false;
                }
                rows.insertAsked(jdbc, groupId, versionId, colorwayId, now);
                return true;
            }
            if (existing.get().rendered() || existing.get().askedAt() != null) {
                return false; // another viewer was asked meanwhile
            }
            rows.setAsked(jdbc, versionId, colorwayId, now);
            return true;
        });
    }

    @Override
    public int markUnrendered() {
        Instant cutoff = clock.instant().minus(properties.deliverWithin());
        int marked = 0;
        for (String region : stores.regions()) {
            marked += rows.forgetAsksBefore(
                    JdbcClient.create(stores.region(region).dataSource()), cutoff);
        }
        return marked;
    }

    /** The version, if the viewer shows it in 3D: only those are rendered. */
    private Version modelOf(UUID versionId) {
        Version version = versions.get(versionId);
        if (!version.previewable()) {
            throw new NoSuchContentException();
        }
        return version;
    }

    /** A colorway named must be one of the version's style's: another's is no colorway of this version. */
    private void requireColorwayOf(Version version, @Nullable UUID colorwayId) {
        if (colorwayId != null
                && colorways
                        .find(planes.of(version.groupId()).jdbc(), version.groupId(), version.styleId(), colorwayId)
                        .isEmpty()) {
            throw new NoSuchContentException();
        }
    }

    private Optional<RenderRow> rendered(UUID groupId, UUID versionId, @Nullable UUID colorwayId) {
        return rows.find(planes.of(groupId).jdbc(), versionId, colorwayId).filter(RenderRow::rendered);
    }

    /** The render shown for the colorway: its own, else the version's own look. */
    private RenderRow shown(UUID groupId, UUID versionId, @Nullable UUID colorwayId) {
        Optional<RenderRow> render = rendered(groupId, versionId, colorwayId);
        if (render.isEmpty() && colorwayId != null) {
            render = rendered(groupId, versionId, null);
        }
        return render.orElseThrow(NoSuchContentException::new);
    }

    private void requireRoom(JdbcClient jdbc, UUID versionId) {
        if (rows.count(jdbc, versionId) >= MAX_PER_VERSION) {
            throw new ContentRefusedException("This version has as many renders as it may hold.");
        }
    }

    private static ContentRefusedException alreadyRendered() {
        return new ContentRefusedException("This version has a render in this colorway already.");
    }

    private byte[] read(UUID groupId, @Nullable String fileId) throws IOException {
        if (fileId == null) {
            throw new NoSuchContentException();
        }
        try (InputStream in = files.open(groupId, fileId)) {
            return in.readAllBytes();
        }
    }

    private void previewed(Version version, UUID actor) {
        writes.run(
                version.groupId(),
                plane -> events.publishEvent(new VersionPreviewed(
                        version.groupId(),
                        version.styleId(),
                        version.id(),
                        AuditActor.account(actor),
                        RequestOrigin.current())));
    }
}
