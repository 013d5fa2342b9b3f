package io.selvedge.content.internal;

import io.selvedge.content.ContentProperties;
import io.selvedge.content.GroupUsage;
import io.selvedge.storage.GroupDataPlanes;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** The group's usage read from its region's version table, as the quota check counts it. */
@Component
@RequiredArgsConstructor
class StoredVersionBytes implements GroupUsage {

    private final GroupDataPlanes planes;
    private final VersionRepository versions;
    private final ContentProperties properties;

    @Override
    public Usage of(UUID groupId) {
        return new Usage(
                versions.bytesOf(planes.of(groupId).jdbc(), groupId),
                properties.groupQuota().toBytes());
    }
}
