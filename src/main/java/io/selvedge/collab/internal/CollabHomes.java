package io.selvedge.collab.internal;

import io.selvedge.content.NoSuchContentException;
import io.selvedge.storage.Stores;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

/** The global {@code collab_home} table: the group of each comment and link, and each link's token hash. */
@Repository
class CollabHomes {

    enum Kind {
        COMMENT,
        LINK
    }

    record Home(UUID id, UUID groupId, Kind kind) {}

    private final JdbcTemplate global;

    CollabHomes(Stores stores) {
        this.global = new JdbcTemplate(stores.global().dataSource());
    }

    void record(UUID id, UUID groupId, Kind kind, @Nullable String tokenHash) {
        global.update(
                "insert into collab_home (id, group_id, kind, token_hash) values (?, ?, ?, ?)",
                id,
                groupId,
                kind.name(),
                tokenHash);
    }

    Optional<Home> find(UUID id) {
        return global
                .query(
                        "select id, group_id, kind from collab_home where id = ?",
                        (row, n) -> new Home(
                                row.getObject(1, UUID.class),
                                row.getObject(2, UUID.class),
                                Kind.valueOf(row.getString(3))),
                        id)
                .stream()
                .findFirst();
    }

    Optional<Home> byToken(String tokenHash) {
        return global
                .query(
                        "select id, group_id, kind from collab_home where token_hash = ?",
                        (row, n) -> new Home(
                                row.getObject(1, UUID.class),
                                row.getObject(2, UUID.class),
                                Kind.valueOf(row.getString(3))),
                        tokenHash)
                .stream()
                .findFirst();
    }

    UUID groupOf(UUID id, Kind kind) {
        return find(id).filter(home -> home.kind() == kind).map(Home::groupId).orElseThrow(NoSuchContentException::new);
    }

    void forget(UUID id) {
        global.update("delete from collab_home where id = ?", id);
    }
}
