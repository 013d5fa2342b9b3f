package io.selvedge.storage;

import java.util.List;
import java.util.UUID;

/**
 * Adds a module's stores to the residency report. Storage contributes the databases and blob stores;
 * the crypto module contributes the {@link ResidencyReport.Kind#KEY key} entries (the group's keyset
 * and the KEK that wraps it), and scans other regions' key stores for the group. Implement as a bean.
 */
public interface ResidencyContributor {

    /** The stores of this kind that hold the group's data in its home region. Never null. */
    List<ResidencyReport.Holding> holdings(UUID groupId, String homeRegion);

    /** What of the group this contributor finds in any region but {@code homeRegion}. Never null. */
    List<ResidencyReport.Finding> findElsewhere(UUID groupId, String homeRegion);
}
