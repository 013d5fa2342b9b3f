package io.selvedge.tenancy.internal;

import io.selvedge.storage.Stores;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The global {@code tenancy_node_home} table: which group each node belongs to. Ids only. */
@Repository
class NodeHomes {

    private final JdbcTemplate global;

    NodeHomes(Stores stores) {
        this.global = new JdbcTemplate(stores.global().dataSource());
    }

    void record(UUID nodeId, UUID groupId) {
        global.update("insert into tenancy_node_home (node_id, group_id) values (?, ?)", nodeId, groupId);
    }

    Optional<UUID> groupOf(UUID nodeId) {
        return global
                .query(
                        "select group_id from tenancy_node_home where node_id = ?",
                        (row, n) -> row.getObject(1, UUID.class),
                        nodeId)
                .stream()
                .findFirst();
    }

    void forget(UUID nodeId) {
        global.update("delete from tenancy_node_home where node_id = ?", nodeId);
    }

    List<UUID> groupsWithNodes() {
        return global.query(
                "select distinct group_id from tenancy_node_home", (row, n) -> row.getObject(1, UUID.class));
    }
}
