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
    private final ContentProperties properties;

    StoredVersionBytes(GroupDataPlanes planes, ContentProperties properties) {
        this.planes = planes;
        this.properties = properties;
    }

    @Override
    public Usage of(UUID groupId) {
        Long sum = planes.of(groupId)
                .jdbc()
                .sql("select coalesce(sum(size_bytes), 0) from content_version where group_id = ?")
                .param(groupId)
                .query(Long.class)
                .single();
        return new Usage(sum == null ? 0 : sum, properties.groupQuota().toBytes());
    }
}
