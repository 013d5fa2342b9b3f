package io.selvedge.storage;

import java.util.UUID;

/** Makes residency reports by scanning every region's stores, for the API and the operator command. */
public interface ResidencyReports {

    /**
     * Lists the group's stores and scans every other region for its data; may take a while on large
     * stores.
     *
     * @throws UnknownGroupException if the group was never registered
     */
    ResidencyReport of(UUID groupId);
}
