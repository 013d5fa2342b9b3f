package io.selvedge.content.internal;

import io.selvedge.content.ContentProperties;
import io.selvedge.content.ContentTooLargeException;
import io.selvedge.content.FileResponses;
import io.selvedge.content.InvalidContentException;
import io.selvedge.content.MediaTypes;
import io.selvedge.content.NoSuchContentException;
import io.selvedge.content.Style;
import io.selvedge.content.Styles;
import io.selvedge.content.Version;
import io.selvedge.content.VersionContent;
import io.selvedge.content.VersionDownloaded;
import io.selvedge.content.VersionPreviewed;
import io.selvedge.content.VersionUploaded;
import io.selvedge.content.Versions;
import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.crypto.GroupFiles;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import io.selvedge.storage.NewResource;
import io.selvedge.storage.ResourceHomes;
import io.selvedge.storage.ResourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Versions: the body streams through {@link GroupFiles} (hashed and encrypted on the way, committed to
 * the blob store only after its last byte), then one regional transaction numbers and records it. A
 * failure anywhere before that commit leaves no row, and the blob is aborted or deleted.
 */
@Service
@RequiredArgsConstructor
class VersionService implements Versions {

    private final ResourceHomes homes;
    private final GroupDataPlanes planes;
    private final FieldCiphers ciphers;
    private final GroupFiles files;
    private final Styles styles;
    private final ApplicationEventPublisher events;
    private final ContentProperties properties;
    private final QuotaReservations quota;
    private final Clock clock;
    private final GroupWrites writes;
    private final VersionRepository rows;
    private final StyleRepository styleRows;
    private final UploadRepository uploadRows;
    private final ColorwayService colorways;

    @Override
    public Version upload(
            UUID styleId,
            @Nullable String filename,
            @Nullable String contentType,
            long declaredLength,
            InputStream body,
            UUID actor)
            throws IOException {
        Style style = styles.get(styleId);
        UUID versionId = UUID.randomUUID();
        QuotaReservations.Reservation room = quota.reserve(
                style.groupId(), versionId, declaredLength, clock.instant().plus(properties.uploadExpiry()));
        try {
            return store(style, versionId, Filenames.safe(filename), room, body, actor, null);
        } catch (IOException | RuntimeException e) {
            quota.release(style.groupId(), room.id());
            throw e;
        }
    }

    /**
     * Stores a version of a live style from a stream of at most the reservation's bytes; the reservation
     * ends in the transaction that records the version. A version of a resumable upload ({@code uploadId})
     * is recorded only while the upload's row is there, and the row goes in the same transaction: two
     * requests completing one upload make one version.
     *
     * @throws UploadFinishedException if another request completed the upload first
     */
    Version store(
            Style style,
            UUID versionId,
            String filename,
            QuotaReservations.Reservation room,
            InputStream body,
            UUID actor,
            @Nullable UUID uploadId)
            throws IOException {
        UUID groupId = style.groupId();
        String fileId = StyleFiles.versionFile(versionId);
        GroupFiles.StoredFile stored = files.write(
                groupId,
                fileId,
                new LimitedInputStream(body, room.bytes(), "The file is larger than the limit or the group's quota."));
        try {
            List<GltfVariants.Variant> variants = variantsOf(groupId, stored.fileId(), filename);
            return record(style, versionId, filename, stored, actor, room, uploadId, variants);
        } catch (IOException | RuntimeException e) {
            files.delete(groupId, fileId);
            throw e;
        }
    }

    private Version record(
            Style style,
            UUID versionId,
            String filename,
            GroupFiles.StoredFile stored,
            UUID actor,
            QuotaReservations.Reservation room,
            @Nullable UUID uploadId,
            List<GltfVariants.Variant> variants) {
        UUID groupId = style.groupId();
        FieldCipher cipher = ciphers.of(groupId);
        Instant now = clock.instant();
        String type = MediaTypes.of(filename);
        // The version's home is recorded with its row: a file that failed to store leaves no home behind.
        return writes.create(groupId, NewResource.of(ResourceKind.VERSION, versionId), plane -> {
            JdbcClient jdbc = plane.jdbc();
            // The style's row, locked: it must still be live, and numbers are given one at a time.
            if (!styleRows.lockLive(jdbc, style.id())) {
                throw new NoSuchContentException();
            }
            // Takes the upload's row (and with it its part rows): two requests completing it make one version.
            if (uploadId != null && !uploadRows.delete(jdbc, uploadId)) {
                throw new UploadFinishedException();
            }
            int number = rows.nextNumber(jdbc, style.id());
            rows.insert(
                    jdbc,
                    new VersionRow(
                            versionId,
                            groupId,
                            style.id(),
                            number,
                            VersionRepository.FILENAME.encrypt(cipher, filename, versionId),
                            type,
                            stored.size(),
                            VersionRepository.SHA256.encrypt(cipher, stored.sha256(), versionId),
                            stored.fileId(),
                            null,
                            null,
                            actor,
                            now),
                    uploadId);
            quota.consume(jdbc, room.id());
            colorways.fromFile(jdbc, style, versionId, variants, actor);
            events.publishEvent(new VersionUploaded(
                    groupId,
                    style.id(),
                    versionId,
                    number,
                    stored.size(),
                    AuditActor.account(actor),
                    RequestOrigin.current()));
            return new Version(
                    versionId,
                    groupId,
                    style.id(),
                    number,
                    filename,
                    type,
                    stored.size(),
                    stored.sha256(),
                    null,
                    actor,
                    now);
        });
    }

    /**
     * The colourways a glTF file carries ({@code KHR_materials_variants}), read back from the stored file as
     * it decrypts: only its JSON, streamed, whatever the file's size.
     */
    private List<GltfVariants.Variant> variantsOf(UUID groupId, String fileId, String filename) throws IOException {
        if (!GltfVariants.applies(filename)) {
            return List.of();
        }
        try (InputStream in = files.open(groupId, fileId)) {
            return GltfVariants.read(filename, in, io.selvedge.content.Colorways.MAX_PER_STYLE);
        }
    }

    /** The version a resumable upload became, if it did. */
    java.util.Optional<UUID> versionOfUpload(UUID groupId, UUID uploadId) {
        return rows.ofUpload(planes.of(groupId).jdbc(), groupId, uploadId);
    }

    @Override
    public List<Version> list(UUID styleId) {
        Style style = styles.get(styleId);
        return rows.ofStyle(planes.of(style.groupId()).jdbc(), style.groupId(), styleId).stream()
                .map(this::decrypted)
                .toList();
    }

    @Override
    public Version get(UUID versionId) {
        return decrypted(row(versionId));
    }

    private VersionRow row(UUID versionId) {
        UUID groupId = homes.groupOf(versionId, ResourceKind.VERSION).orElseThrow(NoSuchContentException::new);
        VersionRow row =
                rows.find(planes.of(groupId).jdbc(), groupId, versionId).orElseThrow(NoSuchContentException::new);
        styles.get(row.styleId()); // its style must be live
        return row;
    }

    @Override
    public VersionContent download(UUID versionId, UUID actor, FileResponses.@Nullable Span range) throws IOException {
        VersionRow row = row(versionId);
        Version version = decrypted(row);
        VersionContent content = new VersionContent(version, files.openChannel(row.groupId(), row.fileId()));
        publish(
                row.groupId(),
                new VersionDownloaded(
                        row.groupId(),
                        row.styleId(),
                        versionId,
                        range != null,
                        range == null ? version.size() : range.length(),
                        AuditActor.account(actor),
                        RequestOrigin.current()));
        return content;
    }

    @Override
    public VersionContent preview(UUID versionId, UUID actor) throws IOException {
        VersionRow row = row(versionId);
        Version version = decrypted(row);
        if (!version.previewable()) {
            throw new NoSuchContentException();
        }
        VersionContent content = new VersionContent(version, files.openChannel(row.groupId(), row.fileId()));
        publish(
                row.groupId(),
                new VersionPreviewed(
                        row.groupId(), row.styleId(), versionId, AuditActor.account(actor), RequestOrigin.current()));
        return content;
    }

    @Override
    public String setThumbnail(UUID versionId, InputStream image, long declaredLength, UUID actor) throws IOException {
        VersionRow row = row(versionId);
        long max = properties.maxThumbnailSize().toBytes();
        if (declaredLength > max) {
            throw new ContentTooLargeException("A thumbnail may hold at most " + properties.maxThumbnailSize() + ".");
        }
        byte[] bytes = new LimitedInputStream(
                        image, max, "A thumbnail may hold at most " + properties.maxThumbnailSize() + ".")
                .readAllBytes();
        String type = Thumbnails.typeOf(bytes);
        if (type == null) {
            throw new InvalidContentException("A thumbnail is a PNG, JPEG, GIF or WebP image.");
        }
        String fileId = StyleFiles.thumbnailFile(versionId);
        files.write(row.groupId(), fileId, new java.io.ByteArrayInputStream(bytes));
        String before;
        try {
            before = writes.write(row.groupId(), plane -> {
                String old = rows.lockThumbnail(plane.jdbc(), versionId).orElse(null);
                rows.setThumbnail(plane.jdbc(), versionId, fileId, type);
                return old;
            });
        } catch (RuntimeException e) {
            files.delete(row.groupId(), fileId);
            throw e;
        }
        if (before != null) {
            files.delete(row.groupId(), before);
        }
        return type;
    }

    @Override
    public Thumbnail thumbnail(UUID versionId, UUID actor) throws IOException {
        VersionRow row = row(versionId);
        if (row.thumbnailFile() == null || row.thumbnailType() == null) {
            throw new NoSuchContentException();
        }
        byte[] bytes;
        try (InputStream in = files.open(row.groupId(), row.thumbnailFile())) {
            bytes = in.readAllBytes();
        }
        publish(
                row.groupId(),
                new VersionPreviewed(
                        row.groupId(), row.styleId(), versionId, AuditActor.account(actor), RequestOrigin.current()));
        return new Thumbnail(bytes, row.thumbnailType());
    }

    private void publish(UUID groupId, Object event) {
        writes.run(groupId, plane -> events.publishEvent(event));
    }

    private Version decrypted(VersionRow row) {
        FieldCipher cipher = ciphers.of(row.groupId());
        return new Version(
                row.id(),
                row.groupId(),
                row.styleId(),
                row.number(),
                VersionRepository.FILENAME.decrypt(cipher, row.filename(), row.id()),
                row.contentType(),
                row.size(),
                VersionRepository.SHA256.decrypt(cipher, row.sha256(), row.id()),
                row.thumbnailType(),
                row.createdBy(),
                row.createdAt());
    }
}
