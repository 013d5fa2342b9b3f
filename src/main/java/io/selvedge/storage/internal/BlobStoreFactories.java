package io.selvedge.storage.internal;

import io.selvedge.platform.StartupRefusedException;
import io.selvedge.storage.BlobStore;
import io.selvedge.storage.StorageProperties;
import io.selvedge.storage.Store;
import io.selvedge.storage.StoreId;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Picks each store's blob factory by {@code blobs.type}, and refuses settings residency cannot live with. */
final class BlobStoreFactories {

    private final Map<String, BlobStoreFactory> byType = new LinkedHashMap<>();

    BlobStoreFactories(List<BlobStoreFactory> factories) {
        factories.forEach(factory -> byType.put(factory.type(), factory));
    }

    BlobStore open(StoreId id, StorageProperties.Connection connection, Path home) {
        String prefix = id.region() == null
                ? "selvedge.storage.global.blobs"
                : "selvedge.storage.region." + id.region() + ".blobs";
        StorageProperties.Blobs settings = connection.blobs();
        BlobStoreFactory factory = byType.get(settings.type());
        if (factory == null) {
            throw new StartupRefusedException(
                    prefix + ".type is '" + settings.type() + "', which is not a kind of blob store",
                    "Use one of " + byType.keySet() + ".");
        }
        return factory.create(id, prefix, settings, home.resolve("blobs"));
    }

    /** A typo in a region's name would otherwise leave that region on the defaults without a word. */
    static void refuseSettingsOfUnknownRegions(StorageProperties storage) {
        if (storage.region() == null) {
            return;
        }
        for (String configured : storage.region().keySet()) {
            if (!storage.regions().contains(configured)) {
                throw new StartupRefusedException(
                        "there are settings for region '" + configured + "' (selvedge.storage.region." + configured
                                + ".*), which is not one of the regions " + storage.regions(),
                        "Add it to selvedge.storage.regions, or correct the region name in the settings.");
            }
        }
    }

    /** Two stores in one bucket or folder would mix their groups' data: residency could not hold. */
    static void refuseSharedBlobStores(List<Store> stores) {
        Map<String, StoreId> seen = new LinkedHashMap<>();
        for (Store store : stores) {
            StoreId other = seen.putIfAbsent(store.blobs().location(), store.id());
            if (other != null) {
                throw new StartupRefusedException(
                        "the " + other + " and " + store.id() + " stores keep their blobs in the same place, "
                                + store.blobs().location(),
                        "Give each store its own bucket or folder.");
            }
        }
    }
}
