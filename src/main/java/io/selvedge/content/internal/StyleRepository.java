package io.selvedge.content.internal;

import io.selvedge.content.StyleStatus;
import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * The SQL of {@code content_style} (with its tag look-up {@code content_style_tag}) and of the favourites
 * ({@code content_favourite}). Each method runs on the {@link JdbcClient} it is given: the group's plane,
 * inside the unit of work's transaction when there is one, or a region's store for the purge.
 */
@Component
final class StyleRepository {

    /** The encrypted columns of a style, declared once. */
    static final EncryptedTable TABLE = EncryptedTable.named("content_style");

    static final EncryptedColumn NAME = TABLE.column("name");
    static final EncryptedColumn DESCRIPTION = TABLE.column("description");
    /** The style's tags, joined; the look-up by tag is a blind index in {@code content_style_tag}. */
    static final EncryptedColumn TAGS = TABLE.column("tags");

    private static final String COLUMNS = "select id, group_id, workroom_id, name, description, tags, status,"
            + " status_by, status_at, created_by, created_at, updated_by, updated_at, deleted_at, stage"
            + " from content_style";

    /** A new style's row; its name, description and tags already encrypted through the columns above. */
    void insert(
            JdbcClient jdbc,
            UUID id,
            UUID groupId,
            UUID workroomId,
            String name,
            String description,
            String tags,
            StyleStatus status,
            String stage,
            UUID actor,
            Instant now) {
        jdbc.sql("insert into content_style (id, group_id, workroom_id, name, description, tags, status, stage,"
                        + " created_by, created_at, updated_by, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        groupId,
                        workroomId,
                        name,
                        description,
                        tags,
                        status.name(),
                        stage,
                        actor,
                        Timestamp.from(now),
                        actor,
                        Timestamp.from(now))
                .update();
    }

    /** The style's row, deleted or not; locked for the transaction when {@code forUpdate}. */
    Optional<StyleRow> find(JdbcClient jdbc, UUID groupId, UUID styleId, boolean forUpdate) {
        return jdbc.sql(COLUMNS + " where group_id = ? and id = ?" + (forUpdate ? " for update" : ""))
                .params(groupId, styleId)
                .query(StyleRow::read)
                .optional();
    }

    /** The live styles of a workroom, with the status, stage and tag index given (any may be null). */
    List<StyleRow> liveInWorkroom(
            JdbcClient jdbc,
            UUID groupId,
            UUID workroomId,
            @Nullable StyleStatus status,
            @Nullable String stage,
            byte @Nullable [] tagIndex) {
        StringBuilder sql =
                new StringBuilder(COLUMNS).append(" where group_id = ? and workroom_id = ? and deleted_at is null");
        List<Object> params = new ArrayList<>(List.of(groupId, workroomId));
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        if (stage != null) {
            sql.append(" and stage = ?");
            params.add(stage);
        }
        if (tagIndex != null) {
            sql.append(" and id in (select style_id from content_style_tag where group_id = ? and tag_index = ?)");
            params.add(groupId);
            params.add(tagIndex);
        }
        return jdbc.sql(sql.toString()).params(params).query(StyleRow::read).list();
    }

    /** Every live style of the group. */
    List<StyleRow> liveInGroup(JdbcClient jdbc, UUID groupId) {
        return jdbc.sql(COLUMNS + " where group_id = ? and deleted_at is null")
                .param(groupId)
                .query(StyleRow::read)
                .list();
    }

    /**
     * The live styles of the group that carry every one of these search tokens (at least one), in the
     * database's order. {@code array_contains} is H2's, and on PostgreSQL a function inlined into {@code @>}
     * on the GIN index (db/regional-postgresql).
     */
    List<StyleRow> liveWithTokens(JdbcClient jdbc, UUID groupId, short[] tokens) {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("At least one token");
        }
        StringBuilder sql = new StringBuilder(COLUMNS).append(" where group_id = ? and deleted_at is null");
        List<Object> params = new ArrayList<>(List.of(groupId));
        for (short token : tokens) {
            sql.append(" and array_contains(search_tokens, ?)");
            params.add(token);
        }
        return jdbc.sql(sql.toString()).params(params).query(StyleRow::read).list();
    }

    /** The live styles of the group not indexed for search yet (none once the backfill has run). */
    List<StyleRow> liveUnindexed(JdbcClient jdbc, UUID groupId) {
        return jdbc.sql(COLUMNS + " where group_id = ? and deleted_at is null and search_tokens is null")
                .param(groupId)
                .query(StyleRow::read)
                .list();
    }

    /** Styles of a region's store, live or deleted, not indexed for search yet: after {@code after}, by id. */
    List<StyleRow> unindexed(JdbcClient jdbc, @Nullable UUID after, int limit) {
        return after == null
                ? jdbc.sql(COLUMNS + " where search_tokens is null order by id limit ?")
                        .param(limit)
                        .query(StyleRow::read)
                        .list()
                : jdbc.sql(COLUMNS + " where search_tokens is null and id > ? order by id limit ?")
                        .params(after, limit)
                        .query(StyleRow::read)
                        .list();
    }

    /** The ids of the group's styles, live or deleted, after {@code after} (from the start when null). */
    List<UUID> idsInGroup(JdbcClient jdbc, UUID groupId, @Nullable UUID after, int limit) {
        return after == null
                ? jdbc.sql("select id from content_style where group_id = ? order by id limit ?")
                        .params(groupId, limit)
                        .query(UUID.class)
                        .list()
                : jdbc.sql("select id from content_style where group_id = ? and id > ? order by id limit ?")
                        .params(groupId, after, limit)
                        .query(UUID.class)
                        .list();
    }

    /** The style's search tokens, or null when it is not indexed (or gone). */
    short @Nullable [] searchTokens(JdbcClient jdbc, UUID styleId) {
        List<short[]> found = jdbc.sql("select search_tokens from content_style where id = ?")
                .param(styleId)
                .query((row, n) -> tokens(row.getArray(1)))
                .list();
        return found.isEmpty() ? null : found.get(0);
    }

    /** Replaces the style's search tokens (inside the change that made them). */
    void setSearchTokens(JdbcClient jdbc, UUID styleId, short[] tokens) {
        jdbc.sql("update content_style set search_tokens = ? where id = ?")
                .params(array(tokens), styleId)
                .update();
    }

    /**
     * Sets the search tokens made from this row's fields, only if its fields are still the ciphertexts
     * read (compare-and-set), so that tokens of a concurrent change are never overwritten.
     */
    boolean setSearchTokensIfUnchanged(JdbcClient jdbc, StyleRow row, short[] tokens) {
        return jdbc.sql("update content_style set search_tokens = ?"
                                + " where id = ? and name = ? and description = ? and tags = ?")
                        .params(array(tokens), row.id(), row.name(), row.description(), row.tags())
                        .update()
                == 1;
    }

    private static SqlArrayValue array(short[] tokens) {
        Short[] values = new Short[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            values[i] = tokens[i];
        }
        return new SqlArrayValue("smallint", (Object[]) values);
    }

    private static short @Nullable [] tokens(@Nullable Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        short[] tokens = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            tokens[i] = ((Number) values[i]).shortValue();
        }
        return tokens;
    }

    /** Locks the style's row if it is live, so versions are numbered one at a time; false if it is not. */
    boolean lockLive(JdbcClient jdbc, UUID styleId) {
        return jdbc.sql("select id from content_style where id = ? and deleted_at is null for update")
                .param(styleId)
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    /** Where a style sits: its workroom, and whether it is deleted. */
    Optional<Spot> spot(JdbcClient jdbc, UUID styleId) {
        return jdbc.sql("select workroom_id, deleted_at from content_style where id = ?")
                .param(styleId)
                .query((row, n) -> new Spot(row.getObject(1, UUID.class), row.getTimestamp(2) != null))
                .optional();
    }

    record Spot(UUID workroomId, boolean deleted) {}

    /** Sets one encrypted column to a ciphertext made through that same column. */
    void update(JdbcClient jdbc, UUID styleId, EncryptedColumn column, String ciphertext) {
        if (column.table() != TABLE) {
            throw new IllegalArgumentException(column + " is not a column of " + TABLE);
        }
        // the column's name is a declared identifier, never input
        jdbc.sql("update content_style set " + column.name() + " = ? where id = ?")
                .params(ciphertext, styleId)
                .update();
    }

    /** Replaces the style's tag look-up with these blind indexes. */
    void replaceTagIndexes(JdbcClient jdbc, UUID groupId, UUID styleId, List<byte[]> indexes) {
        jdbc.sql("delete from content_style_tag where style_id = ?")
                .param(styleId)
                .update();
        insertTagIndexes(jdbc, groupId, styleId, indexes);
    }

    void insertTagIndexes(JdbcClient jdbc, UUID groupId, UUID styleId, List<byte[]> indexes) {
        for (byte[] index : indexes) {
            jdbc.sql("insert into content_style_tag (style_id, group_id, tag_index) values (?, ?, ?)")
                    .params(styleId, groupId, index)
                    .update();
        }
    }

    void setStatus(JdbcClient jdbc, UUID styleId, StyleStatus status, UUID actor, Instant at) {
        jdbc.sql("update content_style set status = ?, status_by = ?, status_at = ? where id = ?")
                .params(status.name(), actor, Timestamp.from(at), styleId)
                .update();
    }

    void setStage(JdbcClient jdbc, UUID styleId, String stage) {
        jdbc.sql("update content_style set stage = ? where id = ?")
                .params(stage, styleId)
                .update();
    }

    /** Whether any style of the group, live or deleted (restorable), is in the stage. */
    boolean anyInStage(JdbcClient jdbc, UUID groupId, String stage) {
        return jdbc.sql("select count(*) from content_style where group_id = ? and stage = ?")
                        .params(groupId, stage)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void touch(JdbcClient jdbc, UUID styleId, UUID actor, Instant at) {
        jdbc.sql("update content_style set updated_by = ?, updated_at = ? where id = ?")
                .params(actor, Timestamp.from(at), styleId)
                .update();
    }

    void move(JdbcClient jdbc, UUID styleId, UUID workroomId, UUID actor, Instant at) {
        jdbc.sql("update content_style set workroom_id = ?, updated_by = ?, updated_at = ? where id = ?")
                .params(workroomId, actor, Timestamp.from(at), styleId)
                .update();
    }

    void markDeleted(JdbcClient jdbc, UUID styleId, Instant at) {
        jdbc.sql("update content_style set deleted_at = ? where id = ?")
                .params(Timestamp.from(at), styleId)
                .update();
    }

    void markRestored(JdbcClient jdbc, UUID styleId) {
        jdbc.sql("update content_style set deleted_at = null where id = ?")
                .param(styleId)
                .update();
    }

    /** Marks every style of a workroom deleted long ago, so that the next purge takes them. */
    void markWorkroomPurged(JdbcClient jdbc, UUID groupId, UUID workroomId) {
        jdbc.sql("update content_style set deleted_at = ? where group_id = ? and workroom_id = ?")
                .params(Timestamp.from(Instant.EPOCH), groupId, workroomId)
                .update();
    }

    /** The styles of a region's store deleted before the cutoff. */
    List<StyleRow> deletedBefore(JdbcClient jdbc, Instant cutoff) {
        return jdbc.sql(COLUMNS + " where deleted_at < ?")
                .param(Timestamp.from(cutoff))
                .query(StyleRow::read)
                .list();
    }

    void delete(JdbcClient jdbc, UUID styleId) {
        jdbc.sql("delete from content_style where id = ?").param(styleId).update();
    }

    /** The groups that hold styles in a region's store. */
    List<UUID> groupsWithStyles(JdbcClient jdbc) {
        return jdbc.sql("select distinct group_id from content_style")
                .query(UUID.class)
                .list();
    }

    boolean isFavourite(JdbcClient jdbc, UUID accountId, UUID styleId) {
        return jdbc.sql("select count(*) from content_favourite where account_id = ? and style_id = ?")
                        .params(accountId, styleId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Records a favourite; one that a concurrent request recorded first is left as it is. */
    void addFavourite(JdbcClient jdbc, UUID accountId, UUID styleId, UUID groupId, Instant at) {
        try {
            jdbc.sql("insert into content_favourite (account_id, style_id, group_id, created_at) values (?, ?, ?, ?)")
                    .params(accountId, styleId, groupId, Timestamp.from(at))
                    .update();
        } catch (DuplicateKeyException e) {
            // a concurrent PUT did it: PUT is idempotent
        }
    }

    void removeFavourite(JdbcClient jdbc, UUID accountId, UUID styleId) {
        jdbc.sql("delete from content_favourite where account_id = ? and style_id = ?")
                .params(accountId, styleId)
                .update();
    }

    /** The live styles an account favours in a region's store, the newest favourite first. */
    List<UUID> favouredBy(JdbcClient jdbc, UUID accountId) {
        return jdbc.sql("select f.style_id from content_favourite f join content_style s on s.id = f.style_id"
                        + " where f.account_id = ? and s.deleted_at is null order by f.created_at desc, f.style_id")
                .param(accountId)
                .query((row, n) -> row.getObject(1, UUID.class))
                .list();
    }

    /** The accounts that favour a style. */
    List<UUID> favourers(JdbcClient jdbc, UUID styleId) {
        return jdbc.sql("select account_id from content_favourite where style_id = ?")
                .param(styleId)
                .query(UUID.class)
                .list();
    }
}
