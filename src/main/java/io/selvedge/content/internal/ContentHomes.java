package io.selvedge.content.internal;

import io.selvedge.content.NoSuchContentException;
import io.selvedge.storage.Stores;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The global {@code content_home} table: which group each style, version and upload belongs to. Ids only. */
@Repository
class ContentHomes {

    enum Kind {
        STYLE,
        VERSION,
        UPLOAD
    }

    record Home(UUID groupId, Kind kind) {}

    private final JdbcTemplate global;

    ContentHomes(Stores stores) {
        this.global = new JdbcTemplate(stores.global().dataSource());
    }

    void record(UUID id, UUID groupId, Kind kind) {
        global.update("insert into content_home (id, group_id, kind) values (?, ?, ?)", id, groupId, kind.name());
    }

    Optional<Home> find(UUID id) {
        return global
                .query(
                        "select group_id, kind from content_home where id = ?",
                        (row, n) -> new Home(row.getObject(1, UUID.class), Kind.valueOf(row.getString(2))),
                        id)
                .stream()
                .findFirst();
    }

    /** The group of an id of this kind, or {@link NoSuchContentException}. */
    UUID groupOf(UUID id, Kind kind) {
        return find(id).filter(home -> home.kind() == kind).map(Home::groupId).orElseThrow(NoSuchContentException::new);
    }

    void forget(UUID id) {
        global.update("delete from content_home where id = ?", id);
    }
}
