package io.selvedge.access;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A resource's place: its group and the nodes from the group down to it. The group itself is the first
 * step (level {@link Level#GROUP}, id the group's id); the resource is the last.
 */
public record ResourcePath(UUID groupId, List<Step> steps) {

    public ResourcePath {
        steps = List.copyOf(steps);
        if (steps.isEmpty()
                || steps.get(0).level() != Level.GROUP
                || !steps.get(0).id().equals(groupId)) {
            throw new IllegalArgumentException("A path starts at its group");
        }
    }

    /** One node on the path. */
    public record Step(UUID id, Level level, boolean deleted) {}

    /** The path of the group itself. */
    public static ResourcePath ofGroup(UUID groupId) {
        return new ResourcePath(groupId, List.of(new Step(groupId, Level.GROUP, false)));
    }

    /** The resource itself: the last step. */
    public Step target() {
        return steps.get(steps.size() - 1);
    }

    /** Whether a node on the path is deleted (the resource or one above it): it is then not found. */
    public boolean deletedOnPath() {
        return steps.stream().anyMatch(Step::deleted);
    }

    public Level level() {
        return target().level();
    }

    /** This path with a child below its target, for a locator of the level below. */
    public ResourcePath child(UUID id, Level level, boolean deleted) {
        List<Step> longer = new ArrayList<>(steps.size() + 1);
        longer.addAll(steps);
        longer.add(new Step(id, level, deleted));
        return new ResourcePath(groupId, longer);
    }
}
