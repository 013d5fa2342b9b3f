package io.selvedge.access;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint with the permission its handler states, for tests that try every endpoint (the
 * authorization matrix) and for documentation.
 *
 * @param methods the HTTP methods (empty: any)
 * @param patterns the path patterns
 * @param actions the action required (several: the one that applies on the target's level); empty for a
 *     handler open to any caller
 * @param target the path variable naming the target, or null
 * @param anyCaller why the handler is open to any caller, or null
 * @param handler the handler method, {@code Class#method}
 */
public record StatedPermission(
        Set<String> methods,
        Set<String> patterns,
        List<Action> actions,
        @Nullable String target,
        @Nullable String anyCaller,
        String handler) {

    public StatedPermission {
        methods = Set.copyOf(methods);
        patterns = Set.copyOf(patterns);
        actions = List.copyOf(actions);
    }

    /** Whether the handler states a permission at all. */
    public boolean stated() {
        return !actions.isEmpty() || anyCaller != null;
    }
}
