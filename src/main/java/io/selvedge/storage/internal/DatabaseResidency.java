package io.selvedge.storage.internal;

import io.selvedge.storage.ResidencyContributor;
import io.selvedge.storage.ResidencyReport;
import io.selvedge.storage.ResidencyReport.Finding;
import io.selvedge.storage.ResidencyReport.Holding;
import io.selvedge.storage.ResidencyReport.Kind;
import io.selvedge.storage.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The group's rows: its home region's database, and any row with its group_id in another region's. */
@Component
@Order(1)
class DatabaseResidency implements ResidencyContributor {

    private final StoreCatalog stores;
    private final OutboxTable globalOutbox;

    DatabaseResidency(StoreCatalog stores) {
        this.stores = stores;
        this.globalOutbox =
                new OutboxTable(stores.global().id(), stores.global().dataSource());
    }

    @Override
    public List<Holding> holdings(UUID groupId, String homeRegion) {
        Store home = stores.region(homeRegion);
        Map<String, Long> rows = GroupTables.rowsOf(home.dataSource(), groupId);
        long total = rows.values().stream().mapToLong(Long::longValue).sum();
        return List.of(new Holding(
                Kind.DATABASE, homeRegion, home.location(), total + " row(s) in " + rows.size() + " table(s)"));
    }

    @Override
    public List<Finding> findElsewhere(UUID groupId, String homeRegion) {
        List<ResidencyReport.Finding> found = new ArrayList<>();
        long globalEvents = globalOutbox.countOfGroup(groupId);
        if (globalEvents > 0) {
            // a group's events belong in its region's outbox, written with the change they report
            Store global = stores.global();
            found.add(new Finding(
                    global.id().name(), Kind.DATABASE, global.location(), "table event_publication", globalEvents));
        }
        for (String region : stores.regions()) {
            if (region.equals(homeRegion)) {
                continue;
            }
            Store store = stores.region(region);
            GroupTables.rowsOf(store.dataSource(), groupId)
                    .forEach((table, count) ->
                            found.add(new Finding(region, Kind.DATABASE, store.location(), "table " + table, count)));
        }
        return found;
    }
}
