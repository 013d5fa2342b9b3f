package io.selvedge.storage.internal;

import io.selvedge.storage.BlobStore;
import io.selvedge.storage.StorageProperties;
import io.selvedge.storage.StoreId;
import java.nio.file.Path;

/**
 * Makes the blob store of one store from its settings; chosen by {@code blobs.type}. A factory checks
 * the settings and refuses incomplete ones with {@link io.selvedge.platform.StartupRefusedException},
 * naming the setting to fix. A new backend is a new factory bean.
 */
interface BlobStoreFactory {

    /** The value of {@code blobs.type} that chooses this factory. */
    String type();

    /**
     * @param settingsPrefix where the settings came from, e.g. {@code selvedge.storage.region.eu.blobs}
     * @param defaultFolder the store's own blob folder under the data directory
     */
    BlobStore create(StoreId store, String settingsPrefix, StorageProperties.Blobs settings, Path defaultFolder);
}
