package io.selvedge.access.internal;

import io.selvedge.access.Grant;
import io.selvedge.access.Role;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.Stores;
import io.selvedge.storage.UnknownGroupException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The regional {@code access_grant} and {@code access_grant_version} tables. */
@Repository
@RequiredArgsConstructor
class GrantRepository implements GrantSource {

    private static final String COLUMNS = "select group_id, node_id, account_id, role, allow_download, allow_upload,"
            + " granted_by, granted_at from access_grant";

    private final GroupDataPlanes planes;
    private final Stores stores;

    @Override
    public long version(UUID groupId) {
        Optional<GroupDataPlane> plane = plane(groupId);
        if (plane.isEmpty()) {
            return 0;
        }
        return plane.get()
                .jdbc()
                .sql("select version from access_grant_version where group_id = ?")
                .param(groupId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    @Override
    public Map<UUID, Grant> grantsOf(UUID groupId, UUID accountId) {
        Optional<GroupDataPlane> plane = plane(groupId);
        if (plane.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Grant> byNode = new HashMap<>();
        plane.get()
                .jdbc()
                .sql(COLUMNS + " where group_id = ? and account_id = ?")
                .params(groupId, accountId)
                .query(GrantRepository::grant)
                .list()
                .forEach(grant -> byNode.put(grant.nodeId(), grant));
        return byNode;
    }

    List<Grant> all(UUID groupId) {
        return plane(groupId)
                .map(plane -> plane.jdbc()
                        .sql(COLUMNS + " where group_id = ? order by granted_at, node_id, account_id")
                        .param(groupId)
                        .query(GrantRepository::grant)
                        .list())
                .orElse(List.of());
    }

    Optional<Grant> find(JdbcClient jdbc, UUID nodeId, UUID accountId) {
        return jdbc.sql(COLUMNS + " where node_id = ? and account_id = ?")
                .params(nodeId, accountId)
                .query(GrantRepository::grant)
                .optional();
    }

    /** The group's grants of a role, locked until the transaction ends. */
    List<Grant> lockRole(JdbcClient jdbc, UUID groupId, Role role) {
        return jdbc.sql(COLUMNS + " where group_id = ? and role = ? for update")
                .params(groupId, role.name())
                .query(GrantRepository::grant)
                .list();
    }

    /** Every group, in every region, in which the account holds a grant. */
    Set<UUID> groupsOf(UUID accountId) {
        Set<UUID> groups = new LinkedHashSet<>();
        for (String region : stores.regions()) {
            JdbcClient.create(stores.region(region).dataSource())
                    .sql("select distinct group_id from access_grant where account_id = ?")
                    .param(accountId)
                    .query((row, n) -> row.getObject(1, UUID.class))
                    .list()
                    .forEach(groups::add);
        }
        return groups;
    }

    void put(JdbcClient jdbc, Grant grant) {
        int updated = jdbc.sql("update access_grant set role = ?, allow_download = ?, allow_upload = ?, granted_by = ?,"
                        + " granted_at = ? where node_id = ? and account_id = ?")
                .params(
                        grant.role().name(),
                        grant.allowDownload(),
                        grant.allowUpload(),
                        grant.grantedBy(),
                        Timestamp.from(grant.grantedAt()),
                        grant.nodeId(),
                        grant.accountId())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into access_grant (group_id, node_id, account_id, role, allow_download, allow_upload,"
                            + " granted_by, granted_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            grant.groupId(),
                            grant.nodeId(),
                            grant.accountId(),
                            grant.role().name(),
                            grant.allowDownload(),
                            grant.allowUpload(),
                            grant.grantedBy(),
                            Timestamp.from(grant.grantedAt()))
                    .update();
        }
    }

    void delete(JdbcClient jdbc, UUID nodeId, UUID accountId) {
        jdbc.sql("delete from access_grant where node_id = ? and account_id = ?")
                .params(nodeId, accountId)
                .update();
    }

    /** Grants on a node that is gone for good. */
    void deleteOn(JdbcClient jdbc, UUID nodeId) {
        jdbc.sql("delete from access_grant where node_id = ?").param(nodeId).update();
    }

    /** A new grant version for the group, inside the transaction that changed it. */
    void bump(JdbcClient jdbc, UUID groupId) {
        int updated = jdbc.sql("update access_grant_version set version = version + 1 where group_id = ?")
                .param(groupId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into access_grant_version (group_id, version) values (?, 1)")
                    .param(groupId)
                    .update();
        }
    }

    Optional<GroupDataPlane> plane(UUID groupId) {
        try {
            return Optional.of(planes.of(groupId));
        } catch (UnknownGroupException e) {
            return Optional.empty();
        }
    }

    private static Grant grant(ResultSet row, int n) throws SQLException {
        Timestamp at = row.getTimestamp("granted_at");
        return new Grant(
                row.getObject("group_id", UUID.class),
                row.getObject("node_id", UUID.class),
                row.getObject("account_id", UUID.class),
                Role.valueOf(row.getString("role")),
                row.getBoolean("allow_download"),
                row.getBoolean("allow_upload"),
                row.getObject("granted_by", UUID.class),
                at.toInstant());
    }
}
