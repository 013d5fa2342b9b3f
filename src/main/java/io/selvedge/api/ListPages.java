package io.selvedge.api;

import io.selvedge.platform.PageCursor;
import io.selvedge.platform.Refusal;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Pages of a list the service answers whole (a node's shares, a group's invitations, a style's versions,
 * a caller's favourites: few, and filtered item by item). The cursor is {@link PageCursor} of the last
 * shown item's key, so a page stays right when items before it come or go.
 */
final class ListPages {

    static final String LIMIT = "50";

    private ListPages() {}

    /** One page of the list: its items and the cursor of the next page, null on the last. */
    record Slice<T>(List<T> items, @Nullable String nextCursor) {}

    static <T> Slice<T> page(List<T> all, Function<T, String> key, int limit, @Nullable String cursor) {
        if (limit < 1 || limit > 200) {
            throw invalid("The limit is 1 to 200.");
        }
        int from = 0;
        if (cursor != null) {
            String after = PageCursor.key(cursor);
            from = -1;
            for (int i = 0; i < all.size(); i++) {
                if (key.apply(all.get(i)).equals(after)) {
                    from = i + 1;
                    break;
                }
            }
            if (from < 0) {
                throw invalid("The cursor is no longer valid.");
            }
        }
        List<T> items = all.subList(from, Math.min(all.size(), from + limit));
        String next = from + limit < all.size() ? PageCursor.of(key.apply(items.get(items.size() - 1))) : null;
        return new Slice<>(List.copyOf(items), next);
    }

    /** A 400 problem document wherever the list's handler is (a bad cursor is PageCursor's own 400). */
    private static Refusal invalid(String detail) {
        return new Refusal.Invalid(detail);
    }
}
