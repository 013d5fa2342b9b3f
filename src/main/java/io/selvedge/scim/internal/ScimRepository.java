package io.selvedge.scim.internal;

import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The regional {@code scim_user}, {@code scim_group} and {@code scim_group_member} tables: which managed
 * accounts the group's directory provisioned, its groups and their members. External ids and group names
 * stay encrypted here.
 */
@Repository
class ScimRepository {

    static final EncryptedTable USERS = EncryptedTable.named("scim_user");
    static final EncryptedColumn USER_EXTERNAL_ID = USERS.column("external_id");
    static final EncryptedColumn USER_GIVEN_NAME = USERS.column("given_name");
    static final EncryptedColumn USER_FAMILY_NAME = USERS.column("family_name");

    static final EncryptedTable GROUPS = EncryptedTable.named("scim_group");
    static final EncryptedColumn GROUP_NAME = GROUPS.column("display_name");
    static final EncryptedColumn GROUP_EXTERNAL_ID = GROUPS.column("external_id");

    private static final String USER_COLUMNS = "select id, group_id, account_id, external_id, given_name,"
            + " family_name, active, created_at, updated_at from scim_user where group_id = ?";
    private static final String GROUP_COLUMNS =
            "select id, group_id, display_name, external_id, created_at, updated_at from scim_group where group_id = ?";

    /** A provisioned user, its external id and name parts still sealed (bound to the row's id). */
    record UserRow(
            UUID id,
            UUID groupId,
            UUID accountId,
            @Nullable String sealedExternalId,
            @Nullable String sealedGivenName,
            @Nullable String sealedFamilyName,
            boolean active,
            Instant createdAt,
            Instant updatedAt) {}

    record GroupRow(
            UUID id,
            UUID groupId,
            String sealedName,
            @Nullable String sealedExternalId,
            Instant createdAt,
            Instant updatedAt) {}

    /** What the directory sets on a user, sealed. */
    record UserFields(
            @Nullable String sealedExternalId,
            @Nullable String sealedGivenName,
            @Nullable String sealedFamilyName,
            boolean active) {}

    void insertUser(JdbcClient jdbc, UserRow row) {
        jdbc.sql("insert into scim_user (id, group_id, account_id, external_id, given_name, family_name, active,"
                        + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        row.id(),
                        row.groupId(),
                        row.accountId(),
                        row.sealedExternalId(),
                        row.sealedGivenName(),
                        row.sealedFamilyName(),
                        row.active(),
                        Timestamp.from(row.createdAt()),
                        Timestamp.from(row.updatedAt()))
                .update();
    }

    void updateUser(JdbcClient jdbc, UUID groupId, UUID accountId, UserFields fields, Instant at) {
        jdbc.sql("update scim_user set external_id = ?, given_name = ?, family_name = ?, active = ?, updated_at = ?"
                        + " where group_id = ? and account_id = ?")
                .params(
                        fields.sealedExternalId(),
                        fields.sealedGivenName(),
                        fields.sealedFamilyName(),
                        fields.active(),
                        Timestamp.from(at),
                        groupId,
                        accountId)
                .update();
    }

    Optional<UserRow> user(JdbcClient jdbc, UUID groupId, UUID accountId) {
        return jdbc.sql(USER_COLUMNS + " and account_id = ?")
                .params(groupId, accountId)
                .query(ScimRepository::userRow)
                .optional();
    }

    List<UserRow> users(JdbcClient jdbc, UUID groupId) {
        return jdbc.sql(USER_COLUMNS + " order by created_at, account_id")
                .param(groupId)
                .query(ScimRepository::userRow)
                .list();
    }

    void deleteUser(JdbcClient jdbc, UUID groupId, UUID accountId) {
        run(jdbc, groupId, accountId, "delete from scim_group_member where group_id = ? and account_id = ?");
        run(jdbc, groupId, accountId, "delete from scim_user where group_id = ? and account_id = ?");
    }

    void insertGroup(JdbcClient jdbc, GroupRow row) {
        jdbc.sql("insert into scim_group (id, group_id, display_name, external_id, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(
                        row.id(),
                        row.groupId(),
                        row.sealedName(),
                        row.sealedExternalId(),
                        Timestamp.from(row.createdAt()),
                        Timestamp.from(row.updatedAt()))
                .update();
    }

    void updateGroup(
            JdbcClient jdbc, UUID groupId, UUID id, String sealedName, @Nullable String sealedExternalId, Instant at) {
        jdbc.sql(
                        "update scim_group set display_name = ?, external_id = ?, updated_at = ? where group_id = ? and id = ?")
                .params(sealedName, sealedExternalId, Timestamp.from(at), groupId, id)
                .update();
    }

    Optional<GroupRow> group(JdbcClient jdbc, UUID groupId, UUID id) {
        return jdbc.sql(GROUP_COLUMNS + " and id = ?")
                .params(groupId, id)
                .query(ScimRepository::groupRow)
                .optional();
    }

    List<GroupRow> groups(JdbcClient jdbc, UUID groupId) {
        return jdbc.sql(GROUP_COLUMNS + " order by created_at, id")
                .param(groupId)
                .query(ScimRepository::groupRow)
                .list();
    }

    void deleteGroup(JdbcClient jdbc, UUID groupId, UUID id) {
        run(jdbc, groupId, id, "delete from scim_group_member where group_id = ? and scim_group_id = ?");
        run(jdbc, groupId, id, "delete from scim_group where group_id = ? and id = ?");
    }

    /** The accounts in a SCIM group. */
    List<UUID> members(JdbcClient jdbc, UUID groupId, UUID scimGroupId) {
        return ids(
                jdbc,
                groupId,
                scimGroupId,
                "select account_id from scim_group_member where group_id = ? and scim_group_id = ? order by account_id");
    }

    /** The SCIM groups an account is in. */
    List<UUID> groupsOf(JdbcClient jdbc, UUID groupId, UUID accountId) {
        return ids(
                jdbc,
                groupId,
                accountId,
                "select scim_group_id from scim_group_member where group_id = ? and account_id = ? order by scim_group_id");
    }

    boolean addMember(JdbcClient jdbc, UUID groupId, UUID scimGroupId, UUID accountId) {
        if (groupsOf(jdbc, groupId, accountId).contains(scimGroupId)) {
            return false;
        }
        jdbc.sql("insert into scim_group_member (scim_group_id, group_id, account_id) values (?, ?, ?)")
                .params(scimGroupId, groupId, accountId)
                .update();
        return true;
    }

    boolean removeMember(JdbcClient jdbc, UUID groupId, UUID scimGroupId, UUID accountId) {
        return jdbc.sql("delete from scim_group_member where group_id = ? and scim_group_id = ? and account_id = ?")
                        .params(groupId, scimGroupId, accountId)
                        .update()
                == 1;
    }

    /** The ids a query of the group's rows by one id selects. */
    private static List<UUID> ids(JdbcClient jdbc, UUID groupId, UUID id, String sql) {
        return jdbc.sql(sql)
                .params(groupId, id)
                .query((row, n) -> row.getObject(1, UUID.class))
                .list();
    }

    /** A change to the group's rows by one id. */
    private static void run(JdbcClient jdbc, UUID groupId, UUID id, String sql) {
        jdbc.sql(sql).params(groupId, id).update();
    }

    private static UserRow userRow(ResultSet row, int n) throws SQLException {
        return new UserRow(
                row.getObject("id", UUID.class),
                row.getObject("group_id", UUID.class),
                row.getObject("account_id", UUID.class),
                row.getString("external_id"),
                row.getString("given_name"),
                row.getString("family_name"),
                row.getBoolean("active"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }

    private static GroupRow groupRow(ResultSet row, int n) throws SQLException {
        return new GroupRow(
                row.getObject("id", UUID.class),
                row.getObject("group_id", UUID.class),
                row.getString("display_name"),
                row.getString("external_id"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}
