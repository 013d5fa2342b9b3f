package io.selvedge.storage;

import java.util.List;
import java.util.Set;

/** The stores of this installation, opened, checked against the node's environment and migrated. */
public interface Stores {

    Store global();

    /**
     * The data plane of a configured region.
     *
     * @throws UnknownRegionException if the region is not configured
     */
    Store region(String region);

    /** The configured region names, in configuration order. */
    Set<String> regions();

    /** The global store first, then each region's. */
    List<Store> all();

    /** The installation id every store of this installation is stamped with. */
    String installationId();
}
