package io.selvedge.storage;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An id a unit of work creates, recorded in the directory before the regional transaction starts so
 * that the id finds its region from then on.
 *
 * @param tokenHash a keyed hash by which the resource is also found (a share link's token), or null
 */
public record NewResource(
        UUID id, ResourceKind kind, @Nullable String tokenHash) {

    public static NewResource of(ResourceKind kind, UUID id) {
        return new NewResource(id, kind, null);
    }
}
