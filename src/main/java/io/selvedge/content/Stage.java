package io.selvedge.content;

import io.selvedge.access.Role;
import java.util.Set;

/**
 * A workflow stage of a group's styles, decrypted.
 *
 * @param id the stage's key, stable across renames and reorders (what a style records)
 * @param name the group's name for it: customer content, encrypted at rest
 * @param colour how cards in it are marked, {@code #rrggbb}
 * @param roles the roles that may move a style into it (a caller needs one of them on the style's path)
 */
public record Stage(String id, String name, String colour, Set<Role> roles) {

    public Stage {
        roles = Set.copyOf(roles);
    }
}
