package io.selvedge.access.internal;

import io.selvedge.access.Invitations.Status;
import io.selvedge.access.Role;
import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import io.selvedge.storage.Stores;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The regional {@code access_invitation} table; the address stays encrypted here. */
@Repository
@RequiredArgsConstructor
class InvitationRepository {

    /** The one declaration of the invitations' encrypted columns. */
    static final EncryptedTable TABLE = EncryptedTable.named("access_invitation");

    /** The invited address, Base64 ciphertext under the group's key. */
    static final EncryptedColumn EMAIL = TABLE.column("email");

    private static final String COLUMNS = "select id, group_id, node_id, role, email, status, invited_by, created_at,"
            + " expires_at, sent_count, accepted_by from access_invitation";

    private final Stores stores;

    /** A row as stored: the address still sealed. */
    record Row(
            UUID id,
            UUID groupId,
            UUID nodeId,
            Role role,
            String sealedEmail,
            Status status,
            UUID invitedBy,
            Instant createdAt,
            Instant expiresAt,
            int sentCount,
            @Nullable UUID acceptedBy) {}

    void insert(JdbcClient jdbc, Row row, String emailIndex, String tokenHash) {
        jdbc.sql(
                        "insert into access_invitation (id, group_id, node_id, role, email, email_index, token_hash, status,"
                                + " invited_by, created_at, expires_at, sent_count) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        row.id(),
                        row.groupId(),
                        row.nodeId(),
                        row.role().name(),
                        row.sealedEmail(),
                        emailIndex,
                        tokenHash,
                        row.status().name(),
                        row.invitedBy(),
                        Timestamp.from(row.createdAt()),
                        Timestamp.from(row.expiresAt()),
                        row.sentCount())
                .update();
    }

    /** What a share by e-mail allows, for the grant made when it is accepted. */
    void allow(JdbcClient jdbc, UUID id, boolean download, boolean upload) {
        jdbc.sql("update access_invitation set allow_download = ?, allow_upload = ? where id = ?")
                .params(download, upload, id)
                .update();
    }

    /** {@code [download, upload]}: what the share the invitation was made for allows. */
    boolean[] allowances(JdbcClient jdbc, UUID id) {
        return jdbc.sql("select allow_download, allow_upload from access_invitation where id = ?")
                .param(id)
                .query((row, n) -> new boolean[] {row.getBoolean(1), row.getBoolean(2)})
                .optional()
                .orElse(new boolean[2]);
    }

    List<Row> ofGroup(JdbcClient jdbc, UUID groupId) {
        return jdbc.sql(COLUMNS + " where group_id = ? order by created_at desc, id")
                .param(groupId)
                .query(InvitationRepository::row)
                .list();
    }

    Optional<Row> find(JdbcClient jdbc, UUID groupId, UUID id) {
        return jdbc.sql(COLUMNS + " where group_id = ? and id = ?")
                .params(groupId, id)
                .query(InvitationRepository::row)
                .optional();
    }

    /** The row of a link's hash, in whichever region it is (each region is asked; there are few). */
    Optional<Row> byToken(String tokenHash) {
        for (String region : stores.regions()) {
            List<Row> found = JdbcClient.create(stores.region(region).dataSource())
                    .sql(COLUMNS + " where token_hash = ?")
                    .param(tokenHash)
                    .query(InvitationRepository::row)
                    .list();
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    /** Moves a row from one status to another; false if it was not in {@code from} any more. */
    boolean move(JdbcClient jdbc, UUID id, Status from, Status to, @Nullable UUID acceptedBy, Instant at) {
        return jdbc.sql(
                                "update access_invitation set status = ?, accepted_by = ?, ended_at = ? where id = ? and status = ?")
                        .params(to.name(), acceptedBy, Timestamp.from(at), id, from.name())
                        .update()
                == 1;
    }

    /** A fresh link and expiry for a pending invitation. */
    boolean renew(JdbcClient jdbc, UUID id, String tokenHash, Instant expiresAt) {
        return jdbc.sql("update access_invitation set token_hash = ?, expires_at = ?, sent_count = sent_count + 1"
                                + " where id = ? and status = ?")
                        .params(tokenHash, Timestamp.from(expiresAt), id, Status.PENDING.name())
                        .update()
                == 1;
    }

    private static Row row(ResultSet row, int n) throws SQLException {
        return new Row(
                row.getObject("id", UUID.class),
                row.getObject("group_id", UUID.class),
                row.getObject("node_id", UUID.class),
                Role.valueOf(row.getString("role")),
                row.getString("email"),
                Status.valueOf(row.getString("status")),
                row.getObject("invited_by", UUID.class),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("expires_at").toInstant(),
                row.getInt("sent_count"),
                row.getObject("accepted_by", UUID.class));
    }
}
