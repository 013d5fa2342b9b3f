package io.selvedge.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The one decision point: may the current caller (the request's Spring Security authentication) do an
 * action to a target? Deny by default: an unknown caller, platform staff (who hold no role in customer
 * groups), an unknown target and a missing grant are all refusals. A target is a group id, a tree node's
 * id, or any id a {@link ResourceLocator} knows. Decisions are cached per request and per grant version.
 */
public interface Authorization {

    /**
     * Returns if the caller may do the action to the target.
     *
     * @throws NotVisibleException (404) if the caller may do nothing at all with the target, or there is
     *     no such target, or the target is not of a level the action applies on
     * @throws ActionDeniedException (403) if the caller may do other things with it, but not this
     */
    void require(Action action, UUID targetId);

    /**
     * Like {@link #require}, with the first of the actions that applies on the target's level.
     *
     * @throws NotVisibleException if none applies there, as well as for the reasons of {@link #require}
     */
    void requireOnLevel(List<Action> actions, UUID targetId);

    /** Whether the caller may do the action to the target; never throws for a refusal. */
    boolean allows(Action action, UUID targetId);

    /** What the caller may do to the target; empty if they may not see it. */
    Set<Action> allowed(UUID targetId);

    /**
     * The roles the caller holds on the path from the group to the target (what a workflow stage admits is
     * decided by role); empty for platform staff, an unknown caller or target, and a caller outside the
     * group's address allow-list.
     */
    Set<Role> rolesOn(UUID targetId);

    /** What an account may do to a target, whoever calls (for listing "accessible people", and tests). */
    Set<Action> allowedFor(UUID accountId, UUID targetId);

    /**
     * A test for the children of a parent, for lists: whether the caller may do the action to a child
     * with that id, decided from the parent's path without looking each child up.
     */
    Predicate<UUID> childrenAllowing(Action action, UUID parentId, Level childLevel);

    /**
     * The access request under which the current caller, platform staff, acts in the group with that scope (the
     * support operations of {@link AccessScope#SUPPORT_ACTIONS}): open now, approved by the group's admins. Its
     * use is on the group's trail and the platform's, as every staff request under a grant. What the
     * operation touches must still be on the request's node or below: {@link #inStaffScope}.
     *
     * @throws NotVisibleException (404) for staff without an open request in the group, and anyone who does
     *     not see the group
     * @throws ActionDeniedException (403) for a member of the group (it is no customer's to do), for staff whose
     *     open request in the group is of another scope, or who call from outside the group's address allow-list
     */
    AccessRequest requireStaffScope(AccessScope scope, UUID groupId);

    /** Whether the node (or account's node, or upload's style) is the request's node or below it. */
    boolean inStaffScope(AccessRequest request, UUID nodeId);

    /** Where an id is, as the locators say; empty if no locator knows it. */
    Optional<ResourcePath> locate(UUID id);
}
