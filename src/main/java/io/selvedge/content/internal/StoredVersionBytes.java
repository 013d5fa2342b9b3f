package io.selvedge.content.internal;

import io.selvedge.content.ContentProperties;
import io.selvedge.content.GroupUsage;
import io.selvedge.storage.GroupDataPlanes;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The group's usage read from its region's version table, as the quota check counts it. */
@Component
class StoredVersionBytes implements GroupUsage {

    private final GroupDataPlanes planes;
    private final VersionRepository versions;
    private final ContentProperties properties;

    StoredVersionBytes(GroupDataPlanes planes, VersionRepository versions, ContentProperties properties) {
        this.planes = planes;
        this.versions = versions;
        this.properties = properties;
    }

    @Override
    public Usage of(UUID groupId) {
        return new Usage(
                versions.bytesOf(planes.of(groupId).jdbc(), groupId),
                properties.groupQuota().toBytes());
    }
}
