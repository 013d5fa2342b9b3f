package io.selvedge.storage;

import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * One data store: the global directory or one region's data plane, with its own database and blob
 * folder. Never null fields; the data source is closed by the catalog when the application stops.
 */
public record Store(StoreId id, DataSource dataSource, Path blobDirectory, String location) {}
