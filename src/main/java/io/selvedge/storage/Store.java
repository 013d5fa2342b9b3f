package io.selvedge.storage;

import javax.sql.DataSource;

/**
 * One data store: the global directory or one region's data plane, with its own database and blob
 * store. Never null fields; the catalog closes both when the application stops.
 *
 * <p>A regional store's blobs hold only keys {@code groups/<groupId>/...} of groups resident in the
 * region and refuse any other ({@link ResidencyViolationException}); the global store's blobs refuse
 * group content. Code reaches a group's data through {@link GroupDataPlanes}, not through this.
 */
public record Store(StoreId id, DataSource dataSource, BlobStore blobs, String location) {}
