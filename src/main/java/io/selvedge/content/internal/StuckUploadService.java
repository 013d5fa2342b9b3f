package io.selvedge.content.internal;

import io.selvedge.access.AccessRequest;
import io.selvedge.access.AccessScope;
import io.selvedge.access.Authorization;
import io.selvedge.access.StaffSupportActed;
import io.selvedge.content.ContentProperties;
import io.selvedge.content.NoSuchContentException;
import io.selvedge.content.StuckUploads;
import io.selvedge.platform.AuditTarget;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupDataPlanes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

@Service
@RequiredArgsConstructor
class StuckUploadService implements StuckUploads {

    private final Authorization authorization;
    private final GroupDataPlanes planes;
    private final UploadRepository rows;
    private final UploadService uploads;
    private final ContentProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;
    private final Clock clock;

    @Override
    public List<StuckUpload> list(UUID groupId) {
        AccessRequest open = authorization.requireStaffScope(AccessScope.SUPPORT_ACTIONS, groupId);
        return stuck(planes.of(groupId), open).stream().map(this::shown).toList();
    }

    @Override
    public StuckUpload abort(UUID groupId, UUID uploadId) {
        AccessRequest open = authorization.requireStaffScope(AccessScope.SUPPORT_ACTIONS, groupId);
        GroupDataPlane plane = planes.of(groupId);
        UploadRow row = stuck(plane, open).stream()
                .filter(found -> found.id().equals(uploadId))
                .findFirst()
                .orElseThrow(NoSuchContentException::new);
        uploads.drop(plane, row.id());
        transactions.executeWithoutResult(tx -> {
            for (StaffSupportActed entry : StaffSupportActed.onBothTrails(
                    open, open.requesterId(), "upload-aborted", AuditTarget.of("upload", row.id()))) {
                events.publishEvent(entry);
            }
        });
        return shown(row);
    }

    /** The group's unfinished uploads idle past the setting, on the request's node or below. */
    private List<UploadRow> stuck(GroupDataPlane plane, AccessRequest open) {
        Instant now = clock.instant();
        Instant expiresBefore = now.minus(properties.stuckUploadIdle()).plus(properties.uploadExpiry());
        return rows.unfinished(plane.jdbc(), plane.groupId(), now, expiresBefore).stream()
                .filter(row -> authorization.inStaffScope(open, row.styleId()))
                .toList();
    }

    private StuckUpload shown(UploadRow row) {
        return new StuckUpload(
                row.id(),
                row.styleId(),
                row.createdBy(),
                row.length(),
                row.offset(),
                row.expiresAt().minus(properties.uploadExpiry()));
    }
}
