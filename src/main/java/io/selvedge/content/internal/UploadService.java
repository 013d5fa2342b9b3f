package io.selvedge.content.internal;

import io.selvedge.content.ContentProperties;
import io.selvedge.content.ContentRefusedException;
import io.selvedge.content.NoSuchContentException;
import io.selvedge.content.Style;
import io.selvedge.content.Styles;
import io.selvedge.content.Uploads;
import io.selvedge.content.Version;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.crypto.GroupFiles;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import io.selvedge.storage.NewResource;
import io.selvedge.storage.ResourceHomes;
import io.selvedge.storage.ResourceKind;
import io.selvedge.storage.Stores;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Resumable uploads. Each append streams through {@link GroupFiles} into a part file of its own; a row
 * per part, inserted once the part is stored, moves the offset. When the offset reaches the length the
 * parts are decrypted in order and stored again as one version through {@link VersionService}, the same
 * path as a direct upload, then dropped.
 */
@Service
@RequiredArgsConstructor
class UploadService implements Uploads {

    private static final Logger log = LoggerFactory.getLogger(UploadService.class);

    private final ResourceHomes homes;
    private final GroupDataPlanes planes;
    private final FieldCiphers ciphers;
    private final GroupFiles files;
    private final StyleFiles styleFiles;
    private final Styles styles;
    private final VersionService versions;
    private final Stores stores;
    private final ContentProperties properties;
    private final QuotaReservations quota;
    private final OrphanParts orphans;
    private final OrphanVersionFiles orphanVersionFiles;
    private final Clock clock;
    private final GroupWrites writes;
    private final UploadRepository rows;
    private final StyleRepository styleRows;

    @Override
    public Upload create(
            UUID styleId, long length, @Nullable String filename, @Nullable String contentType, UUID actor) {
        if (length < 0) {
            throw new io.selvedge.content.InvalidContentException("Upload-Length must be 0 or more.");
        }
        Style style = styles.get(styleId);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expires = now.plus(properties.uploadExpiry());
        // The upload's room in the quota is held from now until it becomes a version, ends or expires.
        QuotaReservations.Reservation room = quota.reserve(style.groupId(), id, length, expires);
        String name = Filenames.safe(filename);
        try {
            writes.create(style.groupId(), NewResource.of(ResourceKind.UPLOAD, id), plane -> {
                rows.insert(
                        plane.jdbc(),
                        id,
                        style.groupId(),
                        styleId,
                        UploadRepository.FILENAME.encrypt(ciphers.of(style.groupId()), name, id),
                        io.selvedge.content.MediaTypes.of(name),
                        length,
                        actor,
                        now,
                        expires);
            });
        } catch (RuntimeException e) {
            quota.release(style.groupId(), room.id());
            throw e;
        }
        return new Upload(id, styleId, length, 0, expires, null);
    }

    @Override
    public Upload get(UUID uploadId, UUID actor) {
        UploadRow row = row(uploadId, actor);
        if (row.offset() == row.length()) {
            return finish(row, actor); // a crash came between the last part and the version: finish now
        }
        return row.upload(null);
    }

    @Override
    public Upload append(UUID uploadId, long offset, InputStream chunk, UUID actor) throws IOException {
        UploadRow row = row(uploadId, actor);
        if (offset != row.offset()) {
            throw new ContentRefusedException(
                    "Upload-Offset is " + offset + ", the upload is at " + row.offset() + ".");
        }
        if (row.offset() == row.length()) {
            return finish(row, actor);
        }
        GroupDataPlane plane = planes.of(row.groupId());
        int part = rows.partCount(plane.jdbc(), uploadId);
        String fileId = StyleFiles.uploadPart(uploadId, part);
        GroupFiles.StoredFile stored = files.write(
                row.groupId(),
                fileId,
                new LimitedInputStream(
                        new EndAtFailureInputStream(chunk),
                        row.length() - row.offset(),
                        "The chunk goes past the upload's declared length."));
        if (stored.size() == 0) {
            files.delete(row.groupId(), fileId);
            return row.upload(null);
        }
        Instant expires = clock.instant().plus(properties.uploadExpiry());
        long newOffset = offset + stored.size();
        try {
            writes.run(row.groupId(), tx -> {
                JdbcClient jdbc = plane.jdbc();
                long current = rows.lockOffset(jdbc, uploadId).orElseThrow(NoSuchContentException::new);
                if (current != offset) {
                    throw new ContentRefusedException("Another request moved the upload's offset.");
                }
                rows.insertPart(jdbc, uploadId, part, row.groupId(), fileId, stored.size());
                rows.moveOffset(jdbc, uploadId, newOffset, expires);
                quota.extend(jdbc, uploadId, expires);
            });
        } catch (DuplicateKeyException e) {
            files.delete(row.groupId(), fileId);
            throw new ContentRefusedException("Another request moved the upload's offset.");
        } catch (RuntimeException e) {
            files.delete(row.groupId(), fileId);
            throw e;
        }
        UploadRow moved = row.at(newOffset, expires);
        return newOffset == row.length() ? finish(moved, actor) : moved.upload(null);
    }

    /**
     * The parts, in order, become one version; the transaction that records it takes the upload's row, so
     * a HEAD and the last PATCH (or two nodes) completing one upload at once make one version: the other
     * finds the version made and answers with it. Then the part files are deleted (what a crash leaves of
     * them, the sweep in {@link #purgeExpired} deletes).
     */
    private Upload finish(UploadRow row, UUID actor) {
        Optional<UUID> done = versions.versionOfUpload(row.groupId(), row.id());
        if (done.isPresent()) {
            return row.upload(done.get());
        }
        GroupDataPlane plane = planes.of(row.groupId());
        List<String> parts = rows.partFiles(plane.jdbc(), row.id());
        Style style = styles.get(row.styleId());
        String filename = UploadRepository.FILENAME.decrypt(ciphers.of(row.groupId()), row.filename(), row.id());
        QuotaReservations.Reservation room = new QuotaReservations.Reservation(row.id(), row.groupId(), row.length());
        Version version;
        try (InputStream whole = new SequenceInputStream(opening(row.groupId(), parts))) {
            version = versions.store(style, UUID.randomUUID(), filename, room, whole, actor, row.id());
        } catch (IOException | RuntimeException e) {
            // Another request may have completed it meanwhile, and deleted the parts this one was reading.
            Optional<UUID> other = versions.versionOfUpload(row.groupId(), row.id());
            if (other.isPresent()) {
                return row.upload(other.get());
            }
            if (e instanceof UploadFinishedException) {
                throw new NoSuchContentException(); // ended meanwhile, without a version
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        try {
            for (String part : parts) {
                files.delete(row.groupId(), part);
            }
        } catch (IOException e) {
            log.warn("Could not delete the parts of finished upload {}; the sweep will", row.id(), e);
        }
        homes.forget(row.id());
        return row.upload(version.id());
    }

    private Enumeration<InputStream> opening(UUID groupId, List<String> parts) {
        Iterator<String> next = parts.iterator();
        return new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return next.hasNext();
            }

            @Override
            public InputStream nextElement() {
                try {
                    return files.open(groupId, next.next());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    @Override
    public void terminate(UUID uploadId, UUID actor) throws IOException {
        UploadRow row = row(uploadId, actor);
        drop(planes.of(row.groupId()), row.id());
    }

    /** Ends an upload as its owner's terminate does: its parts, its row and its quota reservation go. */
    void drop(GroupDataPlane plane, UUID uploadId) {
        try {
            styleFiles.deleteParts(plane, uploadId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.delete(plane.jdbc(), uploadId);
        quota.release(plane.groupId(), uploadId);
        homes.forget(uploadId);
    }

    @Override
    public int purgeExpired() {
        int purged = 0;
        Instant now = clock.instant();
        for (String region : stores.regions()) {
            JdbcClient jdbc = JdbcClient.create(stores.region(region).dataSource());
            List<UploadRow> expired = rows.expiredBefore(jdbc, now);
            for (UploadRow row : expired) {
                drop(planes.of(row.groupId()), row.id());
                purged++;
            }
            quota.dropLapsed(jdbc, now);
            for (UUID groupId : styleRows.groupsWithStyles(jdbc)) {
                purged += orphans.sweep(planes.of(groupId));
                purged += orphanVersionFiles.sweep(planes.of(groupId));
            }
        }
        return purged;
    }

    private UploadRow row(UUID uploadId, UUID actor) {
        UUID groupId = homes.groupOf(uploadId, ResourceKind.UPLOAD).orElseThrow(NoSuchContentException::new);
        UploadRow row = rows.find(planes.of(groupId).jdbc(), groupId, uploadId)
                .filter(found -> found.createdBy().equals(actor))
                .filter(found -> found.expiresAt().isAfter(clock.instant()))
                .orElseThrow(NoSuchContentException::new);
        styles.get(row.styleId()); // its style must be live
        return row;
    }
}
