package io.selvedge.access.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Whether a group's members may reach it from an address (its security policy's IP allow-list). */
interface AddressPolicy {

    /** Every address, for decision points without security policies (the benchmark). */
    AddressPolicy ANY = (groupId, grantVersion, address) -> true;

    boolean allows(UUID groupId, long grantVersion, @Nullable String address);
}
