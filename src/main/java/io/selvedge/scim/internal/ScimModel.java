package io.selvedge.scim.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the SCIM services hand the endpoints, to be written as SCIM resources. */
final class ScimModel {

    private ScimModel() {}

    /** A provisioned user; its id is the account's, its userName the account's address. */
    record User(
            UUID id,
            String userName,
            @Nullable String displayName,
            @Nullable String givenName,
            @Nullable String familyName,
            @Nullable String externalId,
            boolean active,
            Instant created,
            Instant lastModified,
            List<Ref> groups) {}

    record Group(
            UUID id,
            String displayName,
            @Nullable String externalId,
            Instant created,
            Instant lastModified,
            List<Ref> members) {}

    /** A member of a group, or a group of a user: its id and what to show for it. */
    record Ref(UUID id, @Nullable String display) {}

    /** One page of a list, {@code startIndex} 1-based as SCIM counts. */
    record Page<T>(List<T> items, int totalResults, int startIndex) {}

    static <T> Page<T> page(List<T> all, @Nullable Integer startIndex, @Nullable Integer count) {
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? ScimUsers.DEFAULT_COUNT : Math.max(0, Math.min(count, ScimUsers.MAX_COUNT));
        int from = Math.min(all.size(), start - 1);
        int to = Math.min(all.size(), from + size);
        return new Page<>(List.copyOf(all.subList(from, to)), all.size(), start);
    }
}
