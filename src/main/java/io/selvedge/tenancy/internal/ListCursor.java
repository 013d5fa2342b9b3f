package io.selvedge.tenancy.internal;

import io.selvedge.platform.PageCursor;
import io.selvedge.tenancy.InvalidPageException;
import io.selvedge.tenancy.Page;
import io.selvedge.tenancy.TreeNode;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Paging of name-sorted lists. A cursor names the last item of a page (by id only, never by name, so
 * no name travels in a URL); the next page starts after that item's current place in the order.
 */
final class ListCursor {

    static final int MAX_LIMIT = 200;

    static final Comparator<TreeNode> ORDER = Comparator.comparing(TreeNode::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(TreeNode::name)
            .thenComparing(TreeNode::id);

    private ListCursor() {}

    static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidPageException("The limit is 1 to " + MAX_LIMIT + ".");
        }
    }

    static Page<TreeNode> page(List<TreeNode> sorted, @Nullable TreeNode after, int limit) {
        List<TreeNode> rest = after == null
                ? sorted
                : sorted.stream().filter(node -> ORDER.compare(node, after) > 0).toList();
        if (rest.size() <= limit) {
            return new Page<>(rest, null);
        }
        List<TreeNode> items = rest.subList(0, limit);
        return new Page<>(items, PageCursor.of(items.get(limit - 1).id()));
    }
}
