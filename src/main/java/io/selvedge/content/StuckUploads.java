package io.selvedge.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Platform support fixes a stuck upload (Customer Lockbox's support actions): under an access request of scope
 * {@code SUPPORT_ACTIONS} the group's admins approved, it lists the group's resumable uploads on the request's
 * node or below that are unfinished and unchanged longer than {@code selvedge.content.stuck-upload-idle}, and
 * aborts one as its owner's own abort would (its encrypted parts and row deleted, its quota reservation
 * released). It never reads an upload's bytes or file name. Each abort is on the group's trail and the
 * platform's with the access request's id.
 */
public interface StuckUploads {

    /**
     * The stuck uploads in scope, oldest change first.
     *
     * @throws io.selvedge.access.NotVisibleException (404) for staff without an open approved request in the group
     * @throws io.selvedge.access.ActionDeniedException (403) if the open request is of another scope, and for the group's members
     */
    List<StuckUpload> list(UUID groupId);

    /**
     * Aborts one stuck upload in scope.
     *
     * @throws NoSuchContentException (404) if there is no such stuck upload on the request's node or below
     */
    StuckUpload abort(UUID groupId, UUID uploadId);

    /**
     * An unfinished upload, as support sees it: where, whose, how far, since when unchanged.
     *
     * @param createdBy the account uploading it
     * @param lastChangeAt its creation or last appended chunk
     */
    record StuckUpload(UUID id, UUID styleId, UUID createdBy, long length, long offset, Instant lastChangeAt) {}
}
