package io.selvedge.sso.internal;

import io.selvedge.sso.ConnectionType;
import io.selvedge.storage.Stores;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The global {@code sso_connection_domain} table: which connection each e-mail domain routes to. The
 * primary key on the domain refuses a second connection naming it (a DuplicateKeyException).
 */
@Repository
class ConnectionRoutes {

    /** A domain's route. */
    record Route(String domain, UUID connectionId, UUID groupId, ConnectionType type) {}

    private final JdbcClient jdbc;

    ConnectionRoutes(Stores stores) {
        this.jdbc = JdbcClient.create(stores.global().dataSource());
    }

    /** The global store's transactions, for changing a connection's routes at once. */
    JdbcClient jdbc() {
        return jdbc;
    }

    Optional<Route> of(String domain) {
        return jdbc.sql("select domain, connection_id, group_id, type from sso_connection_domain where domain = ?")
                .param(domain)
                .query((rs, n) -> new Route(
                        rs.getString(1),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        ConnectionType.valueOf(rs.getString(4))))
                .optional();
    }

    List<String> domainsOf(UUID connectionId) {
        return jdbc.sql("select domain from sso_connection_domain where connection_id = ? order by domain")
                .param(connectionId)
                .query(String.class)
                .list();
    }

    void add(Collection<String> domains, UUID connectionId, UUID groupId, ConnectionType type) {
        for (String domain : domains) {
            jdbc.sql("insert into sso_connection_domain (domain, connection_id, group_id, type) values (?, ?, ?, ?)")
                    .params(domain, connectionId, groupId, type.name())
                    .update();
        }
    }

    void removeAll(UUID connectionId) {
        jdbc.sql("delete from sso_connection_domain where connection_id = ?")
                .param(connectionId)
                .update();
    }
}
