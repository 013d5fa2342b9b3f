package io.selvedge.storage;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The directory's one table of homes: for every id of a group's resource (nodes, styles, versions,
 * uploads, comments, links), the group it belongs to, so that a request naming only the id finds the
 * region without asking every region. Homes are written by {@link GroupWrites#create}; nothing else
 * records one.
 */
public interface ResourceHomes {

    Optional<ResourceHome> find(UUID id);

    /** The home of a resource found by a keyed hash of its token (a share link's). */
    Optional<ResourceHome> findByToken(String tokenHash);

    /** The group of an id of this kind; empty when the id is unknown or names another kind. */
    default Optional<UUID> groupOf(UUID id, ResourceKind kind) {
        return find(id).filter(home -> home.kind() == kind).map(ResourceHome::groupId);
    }

    /** The groups that hold at least one resource of this kind. */
    Set<UUID> groupsHolding(ResourceKind kind);

    /** Forgets the homes of resources whose rows are gone for good (purged). */
    void forget(Collection<UUID> ids);

    default void forget(UUID id) {
        forget(Set.of(id));
    }
}
