package io.selvedge.collab.internal;

import io.selvedge.collab.ShareLink;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of {@code collab_link}. A link keeps only hashes (of its token, Argon2id of its password):
 * nothing of it is under a group's key, so it declares no encrypted column.
 */
@Component
final class LinkRepository {

    private static final String COLUMNS = "select id, group_id, target_id, target_kind, password_hash,"
            + " allow_download, expires_at, created_by, created_at, revoked_at, owned_by from collab_link";

    /** A row of {@code collab_link}. */
    record Row(
            UUID id,
            UUID groupId,
            UUID targetId,
            String targetKind,
            @Nullable String passwordHash,
            boolean allowDownload,
            Instant expiresAt,
            UUID createdBy,
            Instant createdAt,
            @Nullable Instant revokedAt,
            @Nullable UUID ownedBy) {

        static Row read(ResultSet rs, int n) throws SQLException {
            Timestamp revoked = rs.getTimestamp(10);
            return new Row(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getBoolean(6),
                    rs.getTimestamp(7).toInstant(),
                    rs.getObject(8, UUID.class),
                    rs.getTimestamp(9).toInstant(),
                    revoked == null ? null : revoked.toInstant(),
                    rs.getObject(11, UUID.class));
        }

        /** The account the link answers to: the admin who took it over, else its creator. */
        UUID owner() {
            return ownedBy == null ? createdBy : ownedBy;
        }

        boolean live(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }

        ShareLink link(ShareLink.State state) {
            return new ShareLink(
                    id,
                    targetId,
                    targetKind,
                    passwordHash != null,
                    allowDownload,
                    expiresAt,
                    createdBy,
                    createdAt,
                    owner(),
                    state);
        }
    }

    void insert(
            JdbcClient jdbc,
            UUID id,
            UUID groupId,
            UUID targetId,
            String targetKind,
            String tokenHash,
            @Nullable String passwordHash,
            boolean allowDownload,
            Instant expiresAt,
            UUID actor,
            Instant now) {
        jdbc.sql("insert into collab_link (id, group_id, target_id, target_kind, token_hash, password_hash,"
                        + " allow_download, expires_at, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?)")
                .params(
                        id,
                        groupId,
                        targetId,
                        targetKind,
                        tokenHash,
                        passwordHash,
                        allowDownload,
                        Timestamp.from(expiresAt),
                        actor,
                        Timestamp.from(now))
                .update();
    }

    /** The links to a style or workroom, the newest first. */
    List<Row> toTarget(JdbcClient jdbc, UUID groupId, UUID targetId) {
        return jdbc.sql(COLUMNS + " where group_id = ? and target_id = ? order by created_at desc, id")
                .params(groupId, targetId)
                .query(Row::read)
                .list();
    }

    Optional<Row> find(JdbcClient jdbc, UUID groupId, UUID linkId) {
        return jdbc.sql(COLUMNS + " where group_id = ? and id = ?")
                .params(groupId, linkId)
                .query(Row::read)
                .optional();
    }

    /** What a link is to: its style or workroom. */
    Optional<UUID> targetOf(JdbcClient jdbc, UUID linkId) {
        return jdbc.sql("select target_id from collab_link where id = ?")
                .param(linkId)
                .query(UUID.class)
                .optional();
    }

    void revoke(JdbcClient jdbc, UUID linkId, Instant at) {
        jdbc.sql("update collab_link set revoked_at = ? where id = ?")
                .params(Timestamp.from(at), linkId)
                .update();
    }

    /** An admin takes the link over: it answers to them from now on. */
    void takeOver(JdbcClient jdbc, UUID linkId, UUID admin) {
        jdbc.sql("update collab_link set owned_by = ? where id = ?")
                .params(admin, linkId)
                .update();
    }
}
