package io.selvedge.access.internal;

import io.selvedge.access.AccessRequest;
import io.selvedge.access.AccessScope;
import io.selvedge.storage.Stores;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The regional {@code access_request} table: staff's requests for access to a group, and their decisions. */
@Repository
@RequiredArgsConstructor
class AccessRequestRepository {

    private static final String COLUMNS = "select id, group_id, requester_id, scope, node_id, reason, ticket,"
            + " duration_s, status, requested_at, decided_by, decided_at, expires_at, revoked_by, revoked_at, kind,"
            + " follow_up"
            + " from access_request";

    private final GrantRepository grants;
    private final Stores stores;

    void insert(JdbcClient jdbc, AccessRequest request) {
        jdbc.sql("insert into access_request (id, group_id, requester_id, scope, node_id, reason, ticket, duration_s,"
                        + " status, requested_at, kind) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        request.id(),
                        request.groupId(),
                        request.requesterId(),
                        request.scope().name(),
                        request.nodeId(),
                        request.reason(),
                        request.ticket(),
                        request.duration().toSeconds(),
                        request.status().name(),
                        Timestamp.from(request.requestedAt()),
                        request.kind().name())
                .update();
    }

    /** Decides a pending request; false if it was no longer pending (a concurrent decision). */
    boolean decide(
            JdbcClient jdbc,
            AccessRequest.Kind kind,
            UUID groupId,
            UUID id,
            AccessRequest.Status status,
            UUID by,
            Instant at,
            @Nullable Instant expiresAt) {
        return jdbc.sql("update access_request set status = ?, decided_by = ?, decided_at = ?, expires_at = ?"
                                + " where group_id = ? and id = ? and status = 'PENDING' and kind = ?")
                        .params(
                                status.name(),
                                by,
                                Timestamp.from(at),
                                expiresAt == null ? null : Timestamp.from(expiresAt),
                                groupId,
                                id,
                                kind.name())
                        .update()
                == 1;
    }

    /** Writes a break-glass's follow-up note, once. */
    boolean followUp(JdbcClient jdbc, UUID groupId, UUID id, String note, Instant at) {
        return jdbc.sql(
                                "update access_request set follow_up = ?, follow_up_at = ? where group_id = ? and id = ?"
                                        + " and kind = 'BREAK_GLASS' and status in ('APPROVED', 'REVOKED') and follow_up is null")
                        .params(note, Timestamp.from(at), groupId, id)
                        .update()
                == 1;
    }

    /** The break-glass accesses an admin opened or approved that still want their follow-up note, in every region. */
    List<AccessRequest> awaitingFollowUp(UUID accountId) {
        List<AccessRequest> found = new ArrayList<>();
        for (String region : stores.regions()) {
            found.addAll(JdbcClient.create(stores.region(region).dataSource())
                    .sql(COLUMNS + " where kind = 'BREAK_GLASS' and status in ('APPROVED', 'REVOKED')"
                            + " and follow_up is null and (requester_id = ? or decided_by = ?)")
                    .params(accountId, accountId)
                    .query(AccessRequestRepository::request)
                    .list());
        }
        return found;
    }

    /** Revokes an approved request still open at {@code at}; false if it was not. */
    boolean revoke(JdbcClient jdbc, UUID groupId, UUID id, UUID by, Instant at) {
        return jdbc.sql("update access_request set status = 'REVOKED', revoked_by = ?, revoked_at = ?"
                                + " where group_id = ? and id = ? and status = 'APPROVED' and expires_at > ?")
                        .params(by, Timestamp.from(at), groupId, id, Timestamp.from(at))
                        .update()
                == 1;
    }

    Optional<AccessRequest> find(UUID groupId, UUID id) {
        return grants.plane(groupId)
                .flatMap(plane -> plane.jdbc()
                        .sql(COLUMNS + " where group_id = ? and id = ?")
                        .params(groupId, id)
                        .query(AccessRequestRepository::request)
                        .optional());
    }

    List<AccessRequest> ofGroup(UUID groupId, int limit) {
        return grants.plane(groupId)
                .map(plane -> plane.jdbc()
                        .sql(COLUMNS + " where group_id = ? order by requested_at desc, id")
                        .param(groupId)
                        .query(AccessRequestRepository::request)
                        .list())
                .map(list -> list.subList(0, Math.min(limit, list.size())))
                .orElse(List.of());
    }

    /** The approved requests of the account in the group open at {@code now}: read at every decision. */
    Optional<AccessRequest> open(UUID groupId, UUID accountId, Instant now) {
        return grants.plane(groupId)
                .flatMap(plane -> plane
                        .jdbc()
                        .sql(COLUMNS
                                + " where group_id = ? and requester_id = ? and status = 'APPROVED' and expires_at > ?"
                                + " order by decided_at desc")
                        .params(groupId, accountId, Timestamp.from(now))
                        .query(AccessRequestRepository::request)
                        .list()
                        .stream()
                        .findFirst());
    }

    /** How many requests each staff member made, in every region. */
    Map<UUID, Long> countsByRequester() {
        Map<UUID, Long> counts = new HashMap<>();
        for (String region : stores.regions()) {
            JdbcClient.create(stores.region(region).dataSource())
                    .sql("select requester_id, count(*) as n from access_request group by requester_id")
                    .query((row, n) -> Map.entry(row.getObject("requester_id", UUID.class), row.getLong("n")))
                    .list()
                    .forEach(entry -> counts.merge(entry.getKey(), entry.getValue(), Long::sum));
        }
        return counts;
    }

    /** A staff member's requests in every region, newest first. */
    List<AccessRequest> byRequester(UUID accountId, int limit) {
        List<AccessRequest> found = new ArrayList<>();
        for (String region : stores.regions()) {
            found.addAll(JdbcClient.create(stores.region(region).dataSource())
                    .sql(COLUMNS + " where requester_id = ? order by requested_at desc")
                    .param(accountId)
                    .query(AccessRequestRepository::request)
                    .list());
        }
        found.sort(Comparator.comparing(AccessRequest::requestedAt).reversed());
        return found.subList(0, Math.min(limit, found.size()));
    }

    private static AccessRequest request(ResultSet row, int n) throws SQLException {
        return new AccessRequest(
                row.getObject("id", UUID.class),
                row.getObject("group_id", UUID.class),
                row.getObject("requester_id", UUID.class),
                AccessScope.valueOf(row.getString("scope")),
                row.getObject("node_id", UUID.class),
                row.getString("reason"),
                row.getString("ticket"),
                Duration.ofSeconds(row.getLong("duration_s")),
                AccessRequest.Status.valueOf(row.getString("status")),
                row.getTimestamp("requested_at").toInstant(),
                row.getObject("decided_by", UUID.class),
                instant(row.getTimestamp("decided_at")),
                instant(row.getTimestamp("expires_at")),
                row.getObject("revoked_by", UUID.class),
                instant(row.getTimestamp("revoked_at")),
                AccessRequest.Kind.valueOf(row.getString("kind")),
                row.getString("follow_up"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
