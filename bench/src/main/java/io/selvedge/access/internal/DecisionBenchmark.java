package io.selvedge.access.internal;

import io.selvedge.access.Action;
import io.selvedge.access.Grant;
import io.selvedge.access.Level;
import io.selvedge.access.PermissionTable;
import io.selvedge.access.ResourcePath;
import io.selvedge.access.Role;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.lang.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionOperations;

/**
 * One authorization decision by {@link DecisionPoint}, beside the same policy in jCasbin. A group's tree
 * of 102,110 nodes (10 companies x 10 brands x 20 seasons x 50 workrooms); the caller is a company
 * collaborator of company 0, brand admin of its brand 0 and viewer (with download) of one workroom: grants
 * on 3 levels. 1,000 other accounts hold grants in the same group. Each call decides "may the caller
 * delete anyone's comment in this workroom?" for the next of 1,024 workrooms of company 0 (allowed below
 * brand 0, refused elsewhere), or of 1,024 workrooms of other companies (nothing there: not visible).
 * Caches warm: every target's path and the caller's grants have been read once; the version check and the
 * path walk happen every time, as across requests (the per-request cache is not used: no request here).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecisionBenchmark {

    private static final int COMPANIES = 10;
    private static final int BRANDS = 10;
    private static final int SEASONS = 20;
    private static final int WORKROOMS = 50;
    private static final int TARGETS = 1024;
    private static final int OTHER_ACCOUNTS = 1000;

    /** RBAC with domains (the group), the tree as a resource hierarchy (g2), roles to actions (g3). */
    private static final String CASBIN_MODEL = String.join(
            "\n",
            "[request_definition]",
            "r = sub, dom, obj, act",
            "[policy_definition]",
            "p = sub, dom, obj, role",
            "[role_definition]",
            "g = _, _",
            "g2 = _, _",
            "g3 = _, _",
            "[policy_effect]",
            "e = some(where (p.eft == allow))",
            "[matchers]",
            "m = r.sub == p.sub && r.dom == p.dom && g3(p.role, r.act) && g2(r.obj, p.obj)");

    private final UUID group = UUID.randomUUID();
    private final UUID caller = UUID.randomUUID();
    private final Map<UUID, ResourcePath> paths = new HashMap<>();
    private final Map<UUID, UUID> parents = new HashMap<>();
    private final Map<UUID, Map<UUID, Grant>> grantsByAccount = new HashMap<>();

    private UUID[][][][] workrooms;
    private UUID[] inCompany;
    private UUID[] elsewhere;
    private int next;
    private DecisionPoint decisions;
    private Enforcer casbinThreeGrants;
    private Enforcer casbinThousandGrants;
    private String groupId;
    private String callerId;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        UUID[] companies = new UUID[COMPANIES];
        UUID[][] brands = new UUID[COMPANIES][BRANDS];
        workrooms = new UUID[COMPANIES][BRANDS][SEASONS][WORKROOMS];
        ResourcePath root = ResourcePath.ofGroup(group);
        paths.put(group, root);
        for (int c = 0; c < COMPANIES; c++) {
            companies[c] = node(root, Level.COMPANY);
            for (int b = 0; b < BRANDS; b++) {
                brands[c][b] = node(paths.get(companies[c]), Level.BRAND);
                for (int s = 0; s < SEASONS; s++) {
                    UUID season = node(paths.get(brands[c][b]), Level.SEASON);
                    for (int w = 0; w < WORKROOMS; w++) {
                        workrooms[c][b][s][w] = node(paths.get(season), Level.WORKROOM);
                    }
                }
            }
        }
        grant(caller, companies[0], Role.COMPANY_COLLABORATOR, false);
        grant(caller, brands[0][0], Role.BRAND_ADMIN, false);
        grant(caller, workrooms[0][3][0][0], Role.VIEWER, true);
        List<UUID[]> others = new ArrayList<>();
        for (int i = 0; i < OTHER_ACCOUNTS - 1; i++) {
            UUID other = UUID.randomUUID();
            UUID on = brands[random.nextInt(COMPANIES)][random.nextInt(BRANDS)];
            grant(other, on, Role.BRAND_COLLABORATOR, false);
            others.add(new UUID[] {other, on});
        }
        inCompany = new UUID[TARGETS];
        elsewhere = new UUID[TARGETS];
        for (int i = 0; i < TARGETS; i++) {
            inCompany[i] = workrooms[0][random.nextInt(BRANDS)][random.nextInt(SEASONS)][random.nextInt(WORKROOMS)];
            elsewhere[i] = workrooms[1 + random.nextInt(COMPANIES - 1)][random.nextInt(BRANDS)][
                    random.nextInt(SEASONS)][random.nextInt(WORKROOMS)];
        }

        decisions = new DecisionPoint(
                List.of(id -> Optional.ofNullable(paths.get(id))),
                new MemoryGrants(),
                new FixedCaller(new Caller(caller, false)),
                event -> {},
                TransactionOperations.withoutTransaction());
        groupId = group.toString();
        callerId = caller.toString();
        casbinThreeGrants = casbin(List.of());
        casbinThousandGrants = casbin(others);
        for (UUID[] targets : new UUID[][] {inCompany, elsewhere}) {
            for (UUID target : targets) {
                boolean ours = decisions.allows(Action.DELETE_ANY_COMMENT, target);
                boolean theirs = casbinThreeGrants.enforce(callerId, groupId, target.toString(), "DELETE_ANY_COMMENT");
                boolean theirsToo =
                        casbinThousandGrants.enforce(callerId, groupId, target.toString(), "DELETE_ANY_COMMENT");
                if (ours != theirs || ours != theirsToo) {
                    throw new IllegalStateException("the two policies disagree on " + target);
                }
            }
        }
    }

    @Benchmark
    public boolean decisionInCompany() {
        return decisions.allows(Action.DELETE_ANY_COMMENT, inCompany[next++ & (TARGETS - 1)]);
    }

    @Benchmark
    public boolean decisionElsewhere() {
        return decisions.allows(Action.DELETE_ANY_COMMENT, elsewhere[next++ & (TARGETS - 1)]);
    }

    @Benchmark
    public boolean casbinInCompanyThreeGrants() {
        return casbinThreeGrants.enforce(
                callerId, groupId, inCompany[next++ & (TARGETS - 1)].toString(), "DELETE_ANY_COMMENT");
    }

    @Benchmark
    public boolean casbinInCompanyThousandGrants() {
        return casbinThousandGrants.enforce(
                callerId, groupId, inCompany[next++ & (TARGETS - 1)].toString(), "DELETE_ANY_COMMENT");
    }

    @Benchmark
    public boolean casbinElsewhereThreeGrants() {
        return casbinThreeGrants.enforce(
                callerId, groupId, elsewhere[next++ & (TARGETS - 1)].toString(), "DELETE_ANY_COMMENT");
    }

    private UUID node(ResourcePath parent, Level level) {
        UUID id = UUID.randomUUID();
        paths.put(id, parent.child(id, level, false));
        parents.put(id, parent.target().id());
        return id;
    }

    private void grant(UUID account, UUID node, Role role, boolean download) {
        grantsByAccount
                .computeIfAbsent(account, a -> new HashMap<>())
                .put(node, new Grant(group, node, account, role, download, false, null, Instant.EPOCH));
    }

    private Enforcer casbin(List<UUID[]> others) {
        Enforcer enforcer = new Enforcer(Model.newModelFromString(CASBIN_MODEL));
        enforcer.enableLog(false);
        List<List<String>> hierarchy = new ArrayList<>(parents.size());
        parents.forEach((child, parent) -> hierarchy.add(List.of(child.toString(), parent.toString())));
        enforcer.addNamedGroupingPolicies("g2", hierarchy);
        List<List<String>> rolePermissions = new ArrayList<>();
        for (Role role : Role.values()) {
            for (boolean download : new boolean[] {false, true}) {
                for (Action action : PermissionTable.permitted(role, download, false)) {
                    rolePermissions.add(List.of(roleName(role, download), action.name()));
                }
            }
        }
        enforcer.addNamedGroupingPolicies("g3", rolePermissions);
        grantsByAccount.get(caller).values().forEach(grant -> enforcer.addPolicy(
                callerId, groupId, grant.nodeId().toString(), roleName(grant.role(), grant.allowDownload())));
        for (UUID[] other : others) {
            enforcer.addPolicy(
                    other[0].toString(), groupId, other[1].toString(), roleName(Role.BRAND_COLLABORATOR, false));
        }
        return enforcer;
    }

    private static String roleName(Role role, boolean download) {
        return download ? role.name() + "+dl" : role.name();
    }

    /** The grants, as the regional table would give them, at version 1. */
    private final class MemoryGrants implements GrantSource {
        private final Map<UUID, Long> versions = new HashMap<>(Map.of(group, 1L));

        @Override
        public long version(UUID groupId) {
            return versions.getOrDefault(groupId, 0L);
        }

        @Override
        public Map<UUID, Grant> grantsOf(UUID groupId, UUID accountId) {
            return grantsByAccount.getOrDefault(accountId, Map.of());
        }
    }

    private record FixedCaller(Caller caller) implements Callers {
        @Override
        public Optional<Caller> of(@Nullable Authentication authentication) {
            return Optional.of(caller);
        }

        @Override
        public Optional<Caller> byId(UUID accountId) {
            return Optional.of(caller);
        }

        @Override
        public Optional<Caller> current() {
            return Optional.of(caller);
        }
    }
}
