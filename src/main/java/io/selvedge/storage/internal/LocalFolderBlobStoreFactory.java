package io.selvedge.storage.internal;

import io.selvedge.platform.StartupRefusedException;
import io.selvedge.storage.BlobStore;
import io.selvedge.storage.StorageProperties;
import io.selvedge.storage.StoreId;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** {@code blobs.type=local}: a folder, by default the store's {@code blobs/} under the data directory. */
@Component
class LocalFolderBlobStoreFactory implements BlobStoreFactory {

    @Override
    public String type() {
        return "local";
    }

    @Override
    public BlobStore create(
            StoreId store, String settingsPrefix, StorageProperties.Blobs settings, Path defaultFolder) {
        Path folder =
                settings.directory() != null && !settings.directory().toString().isBlank()
                        ? settings.directory().toAbsolutePath().normalize()
                        : defaultFolder;
        try {
            return new LocalFolderBlobStore(folder);
        } catch (IOException e) {
            throw new StartupRefusedException(
                    "the blob folder " + folder + " of the " + store + " store cannot be used: " + e,
                    "Make the folder writable by this user, or set " + settingsPrefix + ".directory.");
        }
    }
}
