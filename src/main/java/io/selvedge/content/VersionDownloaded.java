package io.selvedge.content;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/**
 * A version's content was served (whole or a range) to someone allowed to download it; {@code bytes} is what
 * the download sends (the range's length, or the file's size), for the mass-download detection.
 */
public record VersionDownloaded(
        UUID groupId,
        UUID styleId,
        UUID versionId,
        boolean partial,
        long bytes,
        AuditActor auditActor,
        RequestOrigin auditOrigin)
        implements VersionEvent {

    @Override
    public String auditAction() {
        return "version.downloaded";
    }
}
