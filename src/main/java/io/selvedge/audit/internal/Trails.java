package io.selvedge.audit.internal;

import io.selvedge.crypto.FieldCiphers;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.Store;
import io.selvedge.storage.StoreId;
import io.selvedge.storage.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Finds trails: a group's through its data plane (its region, never another), the platform trail globally. */
@Component
@RequiredArgsConstructor
class Trails {

    private final Stores stores;
    private final GroupDataPlanes planes;
    private final FieldCiphers ciphers;
    private final Map<StoreId, JdbcClient> jdbc = new ConcurrentHashMap<>();
    private final Map<StoreId, TransactionTemplate> transactions = new ConcurrentHashMap<>();

    /**
     * The trail of a group, or the platform trail for null.
     *
     * @throws io.selvedge.storage.UnknownGroupException for a group never registered
     */
    Trail of(@Nullable UUID groupId) {
        if (groupId == null) {
            StoreId global = StoreId.GLOBAL;
            return new Trail(
                    null,
                    global,
                    jdbcOf(global, stores.global()),
                    transactionsOf(global, stores.global()),
                    ciphers.directory());
        }
        String region = planes.of(groupId).region();
        StoreId id = StoreId.region(region);
        Store store = stores.region(region);
        return new Trail(groupId, id, jdbcOf(id, store), transactionsOf(id, store), ciphers.of(groupId));
    }

    /** Every trail that has entries or had some: the platform trail (if any) and each group's. */
    List<Trail> all() {
        List<Trail> all = new ArrayList<>();
        if (TrailRepository.hasHead(jdbcOf(StoreId.GLOBAL, stores.global()), "trail_id")) {
            all.add(of(null));
        }
        for (String region : stores.regions()) {
            StoreId id = StoreId.region(region);
            List<UUID> groups = TrailRepository.groupTrails(jdbcOf(id, stores.region(region)));
            for (UUID group : groups) {
                all.add(of(group));
            }
        }
        return all;
    }

    private JdbcClient jdbcOf(StoreId id, Store store) {
        return jdbc.computeIfAbsent(id, key -> JdbcClient.create(store.dataSource()));
    }

    private TransactionTemplate transactionsOf(StoreId id, Store store) {
        return transactions.computeIfAbsent(id, key -> newTransactions(store.dataSource()));
    }

    private static TransactionTemplate newTransactions(DataSource dataSource) {
        TransactionTemplate template = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }
}
