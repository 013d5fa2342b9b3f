package io.selvedge.storage;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one write path for a group's data: a unit of work in the group's region. The work runs in one
 * transaction of the region's database; events published inside it are stored in that region's outbox
 * in the same transaction, so a change that rolls back publishes nothing and one that commits is
 * delivered at least once, even across a crash. Services state what they change; how the stores are
 * crossed is decided here.
 */
public interface GroupWrites {

    /** Runs the work in one regional transaction and returns its result. */
    <T> T write(UUID groupId, Function<GroupDataPlane, T> work);

    default void run(UUID groupId, Consumer<GroupDataPlane> work) {
        write(groupId, plane -> {
            work.accept(plane);
            return null;
        });
    }

    /**
     * Records the homes of the new ids, then runs the work in one regional transaction. If the work
     * fails, the homes are forgotten again: no home, no row and no event remain.
     */
    <T> T create(UUID groupId, List<NewResource> created, Function<GroupDataPlane, T> work);

    default <T> T create(UUID groupId, NewResource created, Function<GroupDataPlane, T> work) {
        return create(groupId, List.of(created), work);
    }

    default void create(UUID groupId, NewResource created, Consumer<GroupDataPlane> work) {
        create(groupId, List.of(created), plane -> {
            work.accept(plane);
            return null;
        });
    }
}
