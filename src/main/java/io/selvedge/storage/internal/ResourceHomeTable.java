package io.selvedge.storage.internal;

import io.selvedge.storage.NewResource;
import io.selvedge.storage.ResourceHome;
import io.selvedge.storage.ResourceHomes;
import io.selvedge.storage.ResourceKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The global {@code resource_home} table. Ids, kinds and token hashes only: nothing of a group's content. */
@Repository
class ResourceHomeTable implements ResourceHomes {

    private static final String COLUMNS = "select id, group_id, kind from resource_home";

    private final JdbcClient global;

    ResourceHomeTable(StoreCatalog stores) {
        this.global = JdbcClient.create(stores.global().dataSource());
    }

    void record(UUID groupId, List<NewResource> created) {
        for (NewResource resource : created) {
            global.sql("insert into resource_home (id, group_id, kind, token_hash) values (?, ?, ?, ?)")
                    .params(resource.id(), groupId, resource.kind().name(), resource.tokenHash())
                    .update();
        }
    }

    @Override
    public Optional<ResourceHome> find(UUID id) {
        return global.sql(COLUMNS + " where id = ?")
                .param(id)
                .query(ResourceHomeTable::read)
                .optional();
    }

    @Override
    public Optional<ResourceHome> findByToken(String tokenHash) {
        return global.sql(COLUMNS + " where token_hash = ?")
                .param(tokenHash)
                .query(ResourceHomeTable::read)
                .optional();
    }

    @Override
    public Set<UUID> groupsHolding(ResourceKind kind) {
        return new HashSet<>(global.sql("select distinct group_id from resource_home where kind = ?")
                .param(kind.name())
                .query(UUID.class)
                .list());
    }

    @Override
    public void forget(Collection<UUID> ids) {
        for (UUID id : ids) {
            global.sql("delete from resource_home where id = ?").param(id).update();
        }
    }

    private static ResourceHome read(ResultSet row, int n) throws SQLException {
        return new ResourceHome(
                row.getObject(1, UUID.class), row.getObject(2, UUID.class), ResourceKind.valueOf(row.getString(3)));
    }
}
