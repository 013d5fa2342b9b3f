package io.selvedge.storage.internal;

import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import io.selvedge.storage.NewResource;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The unit of work: the directory learns where new ids live, then the group's region commits the rows
 * and the events together ({@link StoreEventPublications} puts the events in the region's outbox, in the
 * same transaction). A failure forgets the new homes again.
 *
 * <p>A crash between the home's insert and the regional commit leaves a home whose id names no row: the
 * id answers 404 like an unknown one, and nothing of the group's content is outside its region.
 */
@Service
@RequiredArgsConstructor
class UnitOfWork implements GroupWrites {

    private final GroupDataPlanes planes;
    private final ResourceHomeTable homes;

    @Override
    public <T> T write(UUID groupId, Function<GroupDataPlane, T> work) {
        GroupDataPlane plane = planes.of(groupId);
        return plane.transactions().execute(status -> work.apply(plane));
    }

    @Override
    public <T> T create(UUID groupId, List<NewResource> created, Function<GroupDataPlane, T> work) {
        GroupDataPlane plane = planes.of(groupId);
        homes.record(groupId, created);
        try {
            return plane.transactions().execute(status -> work.apply(plane));
        } catch (RuntimeException | Error e) {
            homes.forget(created.stream().map(NewResource::id).toList());
            throw e;
        }
    }
}
