package io.selvedge.content;

import org.jspecify.annotations.Nullable;

/**
 * What a list of styles asks for.
 *
 * @param tag only styles with this tag (matched through its blind index), or null
 * @param status only styles in this status, or null
 * @param sort the order
 * @param limit 1 to 200
 * @param cursor null for the first page, else the {@code nextCursor} of the page before
 * @param stage only styles in this workflow stage (its id), or null
 */
public record StyleQuery(
        @Nullable String tag,
        @Nullable StyleStatus status,
        Sort sort,
        int limit,
        @Nullable String cursor,
        @Nullable String stage) {

    /** A query of any stage. */
    public StyleQuery(
            @Nullable String tag, @Nullable StyleStatus status, Sort sort, int limit, @Nullable String cursor) {
        this(tag, status, sort, limit, cursor, null);
    }

    /** Name (case-insensitive, ascending) or last change (newest first). */
    public enum Sort {
        NAME,
        UPDATED
    }
}
