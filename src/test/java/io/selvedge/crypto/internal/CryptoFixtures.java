package io.selvedge.crypto.internal;

import io.selvedge.crypto.GroupKeys;
import io.selvedge.storage.GroupResidency;
import java.util.UUID;

final class CryptoFixtures {

    private CryptoFixtures() {}

    /** A new group registered in the region, with its keys made. */
    static UUID aGroupWithKeys(GroupResidency residency, GroupKeys groupKeys, String region) {
        UUID group = UUID.randomUUID();
        residency.register(group, region);
        groupKeys.create(group);
        return group;
    }
}
