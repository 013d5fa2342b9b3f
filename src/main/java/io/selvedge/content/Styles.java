package io.selvedge.content;

import io.selvedge.tenancy.Page;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The styles of groups' workrooms, in each group's region, their fields encrypted under the group's
 * keys. Permissions are the caller's to check (the API states them per handler); these methods check
 * only that what they touch exists and is live: an unknown, deleted or purged style is
 * {@link NoSuchContentException}. Every change publishes its event inside its transaction.
 */
public interface Styles {

    Style create(UUID workroomId, String name, String description, List<String> tags, UUID actor);

    Style get(UUID styleId);

    /** A page of the live styles of a workroom that pass {@code visible}. */
    Page<Style> list(UUID workroomId, StyleQuery query, java.util.function.Predicate<UUID> visible);

    Style change(UUID styleId, StyleChange change, UUID actor);

    /**
     * Moves a style to another workroom of the same group, for a caller who may move or delete the style and
     * upload to the workroom.
     *
     * @throws io.selvedge.access.ActionDeniedException (or not visible) for a caller who may not
     * @throws ContentRefusedException for a workroom of another group
     */
    Style move(UUID styleId, UUID workroomId, UUID actor);

    /** Deletes a style restorably; returns until when it can be restored. */
    Instant delete(UUID styleId, UUID actor);

    /**
     * Restores a deleted style within its restore window.
     *
     * @throws ContentRefusedException if it is not deleted, or its workroom is
     */
    Style restore(UUID styleId, UUID actor);

    /** Purges the styles whose restore window has passed, their files included; returns how many. */
    int purgeExpired();

    void favour(UUID styleId, UUID accountId);

    void unfavour(UUID styleId, UUID accountId);

    /** An account's favourite live styles, in every region, newest favourite first. */
    List<Style> favourites(UUID accountId, java.util.function.Predicate<UUID> visible);
}
