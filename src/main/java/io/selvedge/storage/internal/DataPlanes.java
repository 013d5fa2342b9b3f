package io.selvedge.storage.internal;

import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupResidency;
import io.selvedge.storage.Store;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Binds a group to its region's stores: the region comes from the global directory, and the region's
 * own list of residents must hold the group (it is admitted there if the directory names the region
 * but the list missed it, as for groups registered before the list existed).
 */
@Service
@RequiredArgsConstructor
class DataPlanes implements GroupDataPlanes {

    private final StoreCatalog stores;
    private final GroupResidency residency;
    private final Map<String, JdbcClient> jdbc = new ConcurrentHashMap<>();
    private final Map<String, TransactionTemplate> transactions = new ConcurrentHashMap<>();

    @Override
    public GroupDataPlane of(UUID groupId) {
        String region = residency.regionOf(groupId);
        stores.residents(region).admit(groupId);
        return bind(region, groupId);
    }

    /** The group's plane in a named region; refuses a region the group does not live in. */
    GroupDataPlane bind(String region, UUID groupId) {
        stores.residents(region).require(groupId);
        Store store = stores.region(region);
        return new GroupDataPlane(
                groupId,
                region,
                new GroupBlobStore(store.blobs(), groupId),
                jdbc.computeIfAbsent(region, r -> JdbcClient.create(store.dataSource())),
                transactions.computeIfAbsent(
                        region, r -> new TransactionTemplate(new DataSourceTransactionManager(store.dataSource()))));
    }
}
