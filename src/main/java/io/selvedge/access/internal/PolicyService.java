package io.selvedge.access.internal;

import io.selvedge.access.Action;
import io.selvedge.access.BreakGlassAccountsChanged;
import io.selvedge.access.DomainReleased;
import io.selvedge.access.DomainVerified;
import io.selvedge.access.EmailDomains;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.Role;
import io.selvedge.access.RoleGranted;
import io.selvedge.access.RoleRevoked;
import io.selvedge.access.SecurityPolicies;
import io.selvedge.access.SecurityPolicy;
import io.selvedge.access.SecurityPolicyChanged;
import io.selvedge.access.SecurityPolicyRefusedException;
import io.selvedge.access.ShareCreated;
import io.selvedge.access.ShareRemoved;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountSummary;
import io.selvedge.identity.Caller;
import io.selvedge.identity.IdentityProperties;
import io.selvedge.identity.PasswordSignInPolicy;
import io.selvedge.identity.SessionLimits;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.NodeNotices;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupWrites;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The groups' security policies: changes (checked, versioned, audited), and what reaches a whole account
 * (its managing group's policy), for identity's SPIs (MFA, session limits, password sign-in); the decision
 * point applies each group's policy to requests for its own resources.
 *
 * <p>An account's combined policy is cached for {@link #ACCOUNT_CACHE} and dropped on every node at once
 * ({@link NodeNotices}) when a policy or one of the account's grants changes; the expiry is the bound only for
 * a notice lost between nodes.
 */
@Service
class PolicyService implements SecurityPolicies, SessionLimits, PasswordSignInPolicy {

    static final Duration ACCOUNT_CACHE = Duration.ofSeconds(30);
    static final String ACCOUNT_POLICY_CHANGED = "access.account-policy";
    private static final Duration SHORTEST_LIMIT = Duration.ofMinutes(1);
    private static final int CACHE_LIMIT = 100_000;

    private final PolicyRepository records;
    private final GrantRepository grants;
    private final DecisionPoint decisions;
    private final EmailDomains domains;
    private final IdentityProperties identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final GroupWrites writes;
    private final BreakGlassRepository breakGlass;
    private final AccountDirectory directory;
    private final NodeNotices notices;
    private final Map<UUID, CachedAccount> accounts = new ConcurrentHashMap<>();

    PolicyService(
            GroupWrites writes,
            PolicyRepository records,
            GrantRepository grants,
            DecisionPoint decisions,
            EmailDomains domains,
            IdentityProperties identity,
            ApplicationEventPublisher events,
            Clock clock,
            BreakGlassRepository breakGlass,
            AccountDirectory directory,
            NodeNotices notices) {
        this.writes = writes;
        this.notices = notices;
        notices.onNotice(ACCOUNT_POLICY_CHANGED, this::forgetHere);
        this.directory = directory;
        this.breakGlass = breakGlass;
        this.records = records;
        this.grants = grants;
        this.decisions = decisions;
        this.domains = domains;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public SecurityPolicy policyOf(UUID groupId) {
        return records.policy(groupId, grants.version(groupId));
    }

    @Override
    public SecurityPolicy change(UUID groupId, Change change, @Nullable Long expectedVersion) {
        decisions.require(Action.CHANGE_SECURITY_POLICY, groupId);
        Caller author = decisions.caller().orElseThrow(NotVisibleException::new);
        GroupDataPlane plane = grants.plane(groupId).orElseThrow(NotVisibleException::new);
        AddressBlocks blocks;
        try {
            blocks = AddressBlocks.parse(change.ipAllowList());
            checkLimit("idle", change.idleTimeout(), identity.sessions().idleTimeout());
            checkLimit("absolute", change.absoluteTimeout(), identity.sessions().absoluteTimeout());
        } catch (IllegalArgumentException e) {
            throw refused(groupId, author, change, SecurityPolicyRefusedException.invalid(e.getMessage()));
        }
        String address = RequestOrigin.current().address();
        if (!blocks.isEmpty() && !blocks.allows(address)) {
            throw refused(
                    groupId,
                    author,
                    change,
                    SecurityPolicyRefusedException.invalid("The allow-list does not hold your own address (" + address
                            + "): you would lock yourself out. Add it, or a block that holds it."));
        }
        if (!change.passwordSignIn()
                && !GroupPolicyForOutsiders.signedInThroughSso()
                && !breakGlass.of(groupId).contains(author.accountId())) {
            throw refused(
                    groupId,
                    author,
                    change,
                    SecurityPolicyRefusedException.invalid("You signed in with a password: with password"
                            + " sign-in off, you could no longer reach the group. Sign in through single sign-on"
                            + " first, or keep it on."));
        }
        if (!change.passwordSignIn() && policyOf(groupId).passwordSignIn() && !hasUsableBreakGlass(groupId)) {
            throw refused(
                    groupId,
                    author,
                    change,
                    SecurityPolicyRefusedException.invalid("Name a break-glass account first: single sign-on only"
                            + " needs at least one account the group manages, with MFA, that keeps its password"
                            + " so an outage of the identity provider cannot lock the group out"
                            + " (PUT .../security-policy/break-glass-accounts)."));
        }
        SecurityPolicy written = writes.write(plane.groupId(), tx -> {
            SecurityPolicy current =
                    records.find(plane.jdbc(), groupId).orElseGet(() -> SecurityPolicy.defaults(groupId));
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw new SecurityPolicyRefusedException(
                        HttpStatus.CONFLICT,
                        "The policy was changed meanwhile (now version " + current.version() + "): read it again.");
            }
            SecurityPolicy next = new SecurityPolicy(
                    groupId,
                    change.mfaRequired(),
                    change.idleTimeout(),
                    change.absoluteTimeout(),
                    change.passwordSignIn(),
                    blocks.blocks(),
                    change.linkDownloadsForAnyone(),
                    current.version() + 1,
                    author.accountId(),
                    clock.instant());
            records.put(plane, next);
            events.publishEvent(event(next, author.accountId(), current.weakenedIn(next), false));
            return next;
        });
        forgetEveryAccount();
        decisions.forgetRequestDecisions();
        return written;
    }

    /** A named break-glass account that still exists, is still the group's and still has a second factor. */
    private boolean hasUsableBreakGlass(UUID groupId) {
        return breakGlass.of(groupId).stream()
                .anyMatch(accountId -> directory
                                .account(accountId)
                                .map(AccountSummary::mfaEnrolled)
                                .orElse(false)
                        && domains.managingGroupOf(accountId)
                                .map(groupId::equals)
                                .orElse(false));
    }

    @Override
    public AccountPolicy forAccount(UUID accountId) {
        Instant now = clock.instant();
        CachedAccount cached = accounts.get(accountId);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.policy();
        }
        AccountPolicy policy = combined(accountId);
        if (accounts.size() >= CACHE_LIMIT) {
            accounts.clear();
        }
        accounts.put(accountId, new CachedAccount(policy, now.plus(ACCOUNT_CACHE)));
        return policy;
    }

    @Override
    public Limits limitsFor(UUID accountId) {
        AccountPolicy policy = forAccount(accountId);
        return new Limits(policy.idleTimeout(), policy.absoluteTimeout());
    }

    @Override
    public boolean passwordSignInAllowed(UUID accountId) {
        return forAccount(accountId).passwordSignIn();
    }

    /** Whether the account must use MFA: a group admin anywhere, or managed by a group that requires it. */
    boolean mfaRequiredFor(UUID accountId) {
        return forAccount(accountId).mfaRequired();
    }

    @EventListener
    void grantsChanged(RoleGranted granted) {
        forget(granted.accountId());
    }

    @EventListener
    void grantsChanged(RoleRevoked revoked) {
        forget(revoked.accountId());
    }

    @EventListener
    void grantsChanged(ShareCreated shared) {
        forget(shared.accountId());
    }

    @EventListener
    void grantsChanged(ShareRemoved removed) {
        forget(removed.accountId());
    }

    @EventListener
    void breakGlassChanged(BreakGlassAccountsChanged changed) {
        forgetEveryAccount();
    }

    /** A verified or released domain changes which accounts a group manages. */
    @EventListener
    void domainsChanged(DomainVerified verified) {
        forgetEveryAccount();
    }

    @EventListener
    void domainsChanged(DomainReleased released) {
        forgetEveryAccount();
    }

    private void forget(UUID accountId) {
        notices.tell(ACCOUNT_POLICY_CHANGED, accountId.toString());
    }

    private void forgetEveryAccount() {
        notices.tell(ACCOUNT_POLICY_CHANGED, NodeNotices.EVERYTHING);
    }

    private void forgetHere(String subject) {
        if (NodeNotices.EVERYTHING.equals(subject)) {
            accounts.clear();
            return;
        }
        try {
            accounts.remove(UUID.fromString(subject));
        } catch (IllegalArgumentException e) {
            accounts.clear(); // not a notice of ours: forget too much rather than too little
        }
    }

    /**
     * What reaches the whole account: the policy of the group that manages it (verified its e-mail domain),
     * if any; and MFA for a group admin anywhere. Other groups' policies apply only to requests for their
     * own resources ({@link GroupPolicyForOutsiders}), never account-wide.
     */
    private AccountPolicy combined(UUID accountId) {
        boolean admin = false;
        for (UUID groupId : grants.groupsOf(accountId)) {
            admin |= grants.grantsOf(groupId, accountId).values().stream()
                    .anyMatch(grant -> grant.role() == Role.GROUP_ADMIN);
        }
        Optional<UUID> manager = domains.managingGroupOf(accountId);
        if (manager.isEmpty()) {
            return new AccountPolicy(admin, null, null, true);
        }
        SecurityPolicy policy = records.policy(manager.get(), grants.version(manager.get()));
        // A break-glass account keeps its password when the group admits single sign-on only, and must use MFA.
        boolean breakGlassAccount =
                !policy.passwordSignIn() && breakGlass.of(manager.get()).contains(accountId);
        return new AccountPolicy(
                admin || policy.mfaRequired() || breakGlassAccount,
                policy.idleTimeout(),
                policy.absoluteTimeout(),
                policy.passwordSignIn() || breakGlassAccount);
    }

    private RuntimeException refused(
            UUID groupId, Caller author, Change change, SecurityPolicyRefusedException refusal) {
        SecurityPolicy current = policyOf(groupId);
        SecurityPolicy wanted = new SecurityPolicy(
                groupId,
                change.mfaRequired(),
                change.idleTimeout(),
                change.absoluteTimeout(),
                change.passwordSignIn(),
                change.ipAllowList(),
                change.linkDownloadsForAnyone(),
                current.version(),
                author.accountId(),
                clock.instant());
        GroupDataPlane plane = grants.plane(groupId).orElseThrow(NotVisibleException::new);
        writes.run(plane.groupId(), tx -> events.publishEvent(event(wanted, author.accountId(), List.of(), true)));
        return refusal;
    }

    private static SecurityPolicyChanged event(
            SecurityPolicy policy, UUID author, List<String> weakened, boolean refused) {
        return new SecurityPolicyChanged(
                policy.groupId(),
                AuditActor.account(author),
                policy.version(),
                policy.mfaRequired(),
                policy.idleTimeout() == null ? null : policy.idleTimeout().toSeconds(),
                policy.absoluteTimeout() == null
                        ? null
                        : policy.absoluteTimeout().toSeconds(),
                policy.passwordSignIn(),
                policy.ipAllowList().size(),
                policy.linkDownloadsForAnyone(),
                weakened,
                refused,
                RequestOrigin.current());
    }

    private static void checkLimit(String name, @Nullable Duration limit, Duration installation) {
        if (limit == null) {
            return;
        }
        if (limit.compareTo(SHORTEST_LIMIT) < 0) {
            throw new IllegalArgumentException("The " + name + " session limit is at least one minute.");
        }
        if (limit.compareTo(installation) > 0) {
            throw new IllegalArgumentException("The " + name + " session limit may only tighten the installation's ("
                    + installation.toMinutes() + " minutes).");
        }
    }

    @Nullable
    private static Duration shorter(@Nullable Duration a, @Nullable Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }

    private record CachedAccount(AccountPolicy policy, Instant until) {}
}
