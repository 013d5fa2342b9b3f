package io.selvedge.storage.internal;

import io.selvedge.storage.GroupResidency;
import io.selvedge.storage.Store;
import io.selvedge.storage.UnknownGroupException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The {@code group_residency} table of the global store. A region never changes once recorded, so
 * each lookup is cached for the life of the process. Registering also admits the group to its
 * region's own list of residents, which that region's stores check.
 */
@Service
class GroupDirectory implements GroupResidency {

    private final StoreCatalog stores;
    private final JdbcClient global;
    private final Clock clock;
    private final Map<UUID, String> regions = new ConcurrentHashMap<>();

    GroupDirectory(StoreCatalog stores, Clock clock) {
        this.stores = stores;
        this.global = JdbcClient.create(stores.global().dataSource());
        this.clock = clock;
    }

    @Override
    public void register(UUID groupId, String region) {
        stores.region(region); // refuses a region this installation does not have
        try {
            global.sql("insert into group_residency (group_id, region, registered_at) values (?, ?, ?)")
                    .params(groupId, region, Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("Group " + groupId + " is registered already", e);
        }
        regions.put(groupId, region);
        stores.residents(region).admit(groupId);
    }

    @Override
    public String regionOf(UUID groupId) {
        return regions.computeIfAbsent(
                groupId,
                id -> global.sql("select region from group_residency where group_id = ?")
                        .param(id)
                        .query(String.class)
                        .optional()
                        .orElseThrow(() -> new UnknownGroupException(id)));
    }

    @Override
    public Store storeOf(UUID groupId) {
        return stores.region(regionOf(groupId));
    }
}
