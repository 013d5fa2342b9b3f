package io.selvedge.access.internal;

import io.selvedge.access.SecurityPolicy;
import io.selvedge.storage.GroupDataPlane;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The regional {@code access_security_policy} table, with a cache of each group's policy kept while the
 * group's grant version is unchanged (a policy change bumps it, in its transaction, like a grant change).
 */
@Repository
@RequiredArgsConstructor
class PolicyRepository implements AddressPolicy {

    private static final String COLUMNS = "select group_id, mfa_required, idle_timeout_s, absolute_timeout_s,"
            + " password_sign_in, ip_allow_list, link_downloads_for_anyone, version, changed_by, changed_at"
            + " from access_security_policy";
    private static final int CACHE_LIMIT = 100_000;

    private final GrantRepository grants;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    /** The group's policy as of the given grant version (read once, then cached while it holds). */
    SecurityPolicy policy(UUID groupId, long grantVersion) {
        Cached cached = cache.get(groupId);
        if (cached != null && cached.version() == grantVersion) {
            return cached.policy();
        }
        SecurityPolicy policy = grants.plane(groupId)
                .flatMap(plane -> find(plane.jdbc(), groupId))
                .orElseGet(() -> SecurityPolicy.defaults(groupId));
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(groupId, new Cached(policy, grantVersion));
        return policy;
    }

    /** The group's allow-list, parsed, as of the grant version. */
    AddressBlocks allowList(UUID groupId, long grantVersion) {
        Cached cached = cache.get(groupId);
        if (cached == null || cached.version() != grantVersion) {
            policy(groupId, grantVersion);
            cached = cache.get(groupId);
        }
        return cached == null
                ? AddressBlocks.parse(policy(groupId, grantVersion).ipAllowList())
                : cached.blocks();
    }

    @Override
    public boolean allows(UUID groupId, long grantVersion, @Nullable String address) {
        return allowList(groupId, grantVersion).allows(address);
    }

    Optional<SecurityPolicy> find(JdbcClient jdbc, UUID groupId) {
        return jdbc.sql(COLUMNS + " where group_id = ?")
                .param(groupId)
                .query(PolicyRepository::policy)
                .optional();
    }

    /** Writes the policy (its version is the new one) and bumps the grant version, in the caller's transaction. */
    void put(GroupDataPlane plane, SecurityPolicy policy) {
        JdbcClient jdbc = plane.jdbc();
        Object[] values = {
            policy.mfaRequired(),
            seconds(policy.idleTimeout()),
            seconds(policy.absoluteTimeout()),
            policy.passwordSignIn(),
            String.join("\n", policy.ipAllowList()),
            policy.linkDownloadsForAnyone(),
            policy.version(),
            policy.changedBy(),
            Timestamp.from(policy.changedAt()),
            policy.groupId()
        };
        int updated = jdbc.sql("update access_security_policy set mfa_required = ?, idle_timeout_s = ?,"
                        + " absolute_timeout_s = ?, password_sign_in = ?, ip_allow_list = ?, link_downloads_for_anyone = ?, version = ?,"
                        + " changed_by = ?, changed_at = ? where group_id = ?")
                .params(values)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into access_security_policy (mfa_required, idle_timeout_s, absolute_timeout_s,"
                            + " password_sign_in, ip_allow_list, link_downloads_for_anyone, version, changed_by, changed_at,"
                            + " group_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(values)
                    .update();
        }
        grants.bump(jdbc, policy.groupId());
        cache.remove(policy.groupId());
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }

    private static SecurityPolicy policy(ResultSet row, int n) throws SQLException {
        long idle = row.getLong("idle_timeout_s");
        boolean noIdle = row.wasNull();
        long absolute = row.getLong("absolute_timeout_s");
        boolean noAbsolute = row.wasNull();
        String list = row.getString("ip_allow_list");
        return new SecurityPolicy(
                row.getObject("group_id", UUID.class),
                row.getBoolean("mfa_required"),
                noIdle ? null : Duration.ofSeconds(idle),
                noAbsolute ? null : Duration.ofSeconds(absolute),
                row.getBoolean("password_sign_in"),
                list == null || list.isEmpty() ? List.of() : Arrays.asList(list.split("\n")),
                row.getBoolean("link_downloads_for_anyone"),
                row.getLong("version"),
                row.getObject("changed_by", UUID.class),
                row.getTimestamp("changed_at").toInstant());
    }

    private record Cached(SecurityPolicy policy, long version, AddressBlocks blocks) {
        Cached(SecurityPolicy policy, long version) {
            this(policy, version, AddressBlocks.parse(policy.ipAllowList()));
        }
    }
}
