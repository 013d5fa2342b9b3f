package io.selvedge.storage.internal;

import io.selvedge.storage.BlobStore;
import io.selvedge.storage.ResidencyContributor;
import io.selvedge.storage.ResidencyReport.Finding;
import io.selvedge.storage.ResidencyReport.Holding;
import io.selvedge.storage.ResidencyReport.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The group's blobs: its key prefix in its home region's blob store, and any object under that prefix
 * in another region's (read past the residency guard, which would refuse to even look).
 */
@Component
@Order(2)
@RequiredArgsConstructor
class BlobResidency implements ResidencyContributor {

    private final StoreCatalog stores;

    @Override
    public List<Holding> holdings(UUID groupId, String homeRegion) {
        BlobStore home = stores.unguardedBlobs(homeRegion);
        String prefix = BlobKeys.groupPrefix(groupId);
        return List.of(new Holding(
                Kind.BLOB_STORE, homeRegion, home.location() + " under " + prefix, count(home, prefix) + " object(s)"));
    }

    @Override
    public List<Finding> findElsewhere(UUID groupId, String homeRegion) {
        String prefix = BlobKeys.groupPrefix(groupId);
        List<Finding> found = new ArrayList<>();
        for (String region : stores.regions()) {
            if (region.equals(homeRegion)) {
                continue;
            }
            BlobStore blobs = stores.unguardedBlobs(region);
            long count = count(blobs, prefix);
            if (count > 0) {
                found.add(new Finding(region, Kind.BLOB_STORE, blobs.location(), prefix, count));
            }
        }
        return found;
    }

    private static long count(BlobStore blobs, String prefix) {
        try (Stream<String> keys = blobs.list(prefix)) {
            return keys.count();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + prefix + " in " + blobs.location(), e);
        }
    }
}
