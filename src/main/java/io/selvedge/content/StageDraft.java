package io.selvedge.content;

import io.selvedge.access.Role;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One stage of a list a group admin defines: an existing stage by its id (renamed, recoloured, given other
 * roles) or a new one (no id). Checked by {@link Stages#define}.
 */
public record StageDraft(
        @Nullable String id,
        @Nullable String name,
        @Nullable String colour,
        @Nullable List<Role> roles) {}
