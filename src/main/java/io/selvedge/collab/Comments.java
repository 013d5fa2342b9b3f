package io.selvedge.collab;

import io.selvedge.tenancy.Page;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Comments on styles, their bodies and pins encrypted under the group's keys. Permissions on the style
 * are the caller's to check; these methods check ownership where it matters (only the author edits a
 * body; deleting another's comment needs {@code anyone} set by the caller after checking
 * {@code DELETE_ANY_COMMENT}).
 */
public interface Comments {

    default Comment post(UUID styleId, String body, @Nullable UUID versionId, @Nullable Pin pin, UUID actor) {
        return post(styleId, body, versionId, pin, null, null, actor);
    }

    /**
     * Posts a comment, tagged with one of the style's colorways ({@code colorwayId}) or none, with the
     * screenshot of the view it was written on ({@code screenshot} as Base64 or a {@code data:} URL of a PNG
     * or WebP image; null for none), checked before anything is stored and stored encrypted in the group's
     * region with the comment; it goes when the comment (or its style) goes.
     *
     * @throws io.selvedge.content.NoSuchContentException if the version or colorway is not the style's
     */
    Comment post(
            UUID styleId,
            String body,
            @Nullable UUID versionId,
            @Nullable Pin pin,
            @Nullable UUID colorwayId,
            @Nullable String screenshot,
            UUID actor);

    /** A page of a style's comments, oldest first; {@code resolved} null for all. */
    default Page<Comment> list(UUID styleId, @Nullable Boolean resolved, int limit, @Nullable String cursor) {
        return list(styleId, resolved, null, limit, cursor);
    }

    /** A page of a style's comments, oldest first; {@code resolved} null for all, {@code colorwayId} null for all. */
    Page<Comment> list(
            UUID styleId, @Nullable Boolean resolved, @Nullable UUID colorwayId, int limit, @Nullable String cursor);

    Comment get(UUID commentId);

    /**
     * The screenshot a comment carries, for a caller who may read the comment;
     * {@link io.selvedge.content.NoSuchContentException} when it carries none.
     */
    CommentScreenshot screenshot(UUID commentId);

    /** The style a comment is on; {@link io.selvedge.content.NoSuchContentException} for none. */
    UUID styleOf(UUID commentId);

    /** Changes the body (author only) and/or the resolved state (anyone who may comment). */
    Comment change(UUID commentId, @Nullable String body, @Nullable Boolean resolved, UUID actor);

    /** Deletes a comment: the author's own, or anyone's when {@code anyone}. */
    void delete(UUID commentId, UUID actor, boolean anyone);
}
