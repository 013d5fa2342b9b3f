package io.selvedge.access.internal;

import io.selvedge.access.AccessDenied;
import io.selvedge.access.AccessRequest;
import io.selvedge.access.AccessScope;
import io.selvedge.access.Action;
import io.selvedge.access.ActionDeniedException;
import io.selvedge.access.AddressNotAllowedException;
import io.selvedge.access.Authorization;
import io.selvedge.access.Grant;
import io.selvedge.access.GroupPolicyNotMetException;
import io.selvedge.access.Level;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.PermissionTable;
import io.selvedge.access.ResourceLocator;
import io.selvedge.access.ResourcePath;
import io.selvedge.access.Role;
import io.selvedge.access.StaffAccessUsed;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.platform.RequestOrigin;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The decision point. A decision adds up, as a bit mask, the actions the caller's grants on the path from
 * the group to the target permit ({@link PermissionTable#permittedMask}), keeps those that apply on the
 * target's level, and looks for the action's bit.
 *
 * <p>Caches: a target's path and an account's grants in a group are kept across requests, each with the
 * group's grant version it was read at, and used only while the version is unchanged (every grant change
 * and every move bumps it, in the transaction that makes the change, so every node sees it). Within one
 * request the version is read once per group and each decision is made once.
 */
@Service
class DecisionPoint implements Authorization {

    private static final String REQUEST_CACHE = DecisionPoint.class.getName() + ".request";
    private static final int CACHE_LIMIT = 100_000;
    private static final long[] LEVEL_MASKS = new long[Level.values().length];
    private static final long VIEW_GROUP = bit(Action.VIEW_GROUP);

    static {
        for (Action action : Action.values()) {
            for (Level level : action.levels()) {
                LEVEL_MASKS[level.ordinal()] |= bit(action);
            }
        }
    }

    private final List<ResourceLocator> locators;
    private final AddressPolicy addresses;
    private final OutsiderPolicy outsiders;
    private final StaffGrants staffGrants;
    private final GrantSource grants;
    private final Callers callers;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;
    private final Map<UUID, CachedPath> paths = new ConcurrentHashMap<>();
    private final Map<GrantKey, CachedGrants> grantCache = new ConcurrentHashMap<>();

    DecisionPoint(
            List<ResourceLocator> locators,
            GrantSource grants,
            Callers callers,
            ApplicationEventPublisher events,
            TransactionOperations transactions) {
        this(locators, grants, callers, events, transactions, AddressPolicy.ANY, OutsiderPolicy.NONE);
    }

    DecisionPoint(
            List<ResourceLocator> locators,
            GrantSource grants,
            Callers callers,
            ApplicationEventPublisher events,
            TransactionOperations transactions,
            AddressPolicy addresses) {
        this(locators, grants, callers, events, transactions, addresses, OutsiderPolicy.NONE);
    }

    DecisionPoint(
            List<ResourceLocator> locators,
            GrantSource grants,
            Callers callers,
            ApplicationEventPublisher events,
            TransactionOperations transactions,
            AddressPolicy addresses,
            OutsiderPolicy outsiders) {
        this(locators, grants, callers, events, transactions, addresses, outsiders, StaffGrants.NONE);
    }

    @Autowired
    DecisionPoint(
            List<ResourceLocator> locators,
            GrantSource grants,
            Callers callers,
            ApplicationEventPublisher events,
            TransactionOperations transactions,
            AddressPolicy addresses,
            OutsiderPolicy outsiders,
            StaffGrants staffGrants) {
        this.staffGrants = staffGrants;
        this.addresses = addresses;
        this.outsiders = outsiders;
        this.locators = List.copyOf(locators);
        this.grants = grants;
        this.callers = callers;
        this.events = events;
        this.transactions = transactions;
    }

    @Override
    public void require(Action action, UUID targetId) {
        Optional<ResourcePath> path = locate(targetId);
        if (path.isEmpty() || !action.appliesOn(path.get().level())) {
            throw new NotVisibleException();
        }
        Optional<Caller> caller = caller();
        long mask = caller.map(c -> mask(c, path.get())).orElse(0L);
        boolean allowedAddress = mask == 0 || allowedAddress(path.get().groupId());
        // Staff act under an access request the group's admins approved: their policy for outsiders is theirs
        // to weigh when they approve; the address allow-list still holds.
        Optional<String> policyRefusal =
                mask == 0 || !allowedAddress || caller.get().staff()
                        ? Optional.empty()
                        : outsiderRefusal(path.get().groupId(), caller.get());
        if ((mask & bit(action)) != 0 && allowedAddress && policyRefusal.isEmpty()) {
            return;
        }
        int status = mask == 0 ? 404 : 403;
        AccessDenied denied = new AccessDenied(
                path.get().groupId(),
                caller.map(Caller::accountId).orElse(null),
                action,
                targetId,
                path.get().level(),
                status,
                RequestOrigin.current());
        transactions.executeWithoutResult(tx -> events.publishEvent(denied));
        if (status == 404) {
            throw new NotVisibleException();
        }
        if (policyRefusal.isPresent()) {
            throw new GroupPolicyNotMetException(policyRefusal.get());
        }
        throw allowedAddress ? new ActionDeniedException() : new AddressNotAllowedException();
    }

    /** What the group's policy refuses of a caller it does not manage; decided once per request and group. */
    private Optional<String> outsiderRefusal(UUID groupId, Caller caller) {
        RequestDecisions request = request();
        if (request == null) {
            return outsiders.refusal(groupId, version(groupId), caller);
        }
        return request.policyRefusals.computeIfAbsent(groupId, id -> outsiders.refusal(id, version(id), caller));
    }

    /**
     * Whether the request's address is on the group's allow-list (always, outside a request). Every answer
     * about the caller ({@link #require}, {@link #allows}, {@link #allowed}, {@link #childrenAllowing}) asks
     * it, so that no read path shows a group's data to a member calling from outside its list.
     */
    private boolean allowedAddress(UUID groupId) {
        RequestOrigin origin = RequestOrigin.current();
        return origin.requestId() == null && origin.address() == null
                || addresses.allows(groupId, version(groupId), origin.address());
    }

    @Override
    public void requireOnLevel(List<Action> actions, UUID targetId) {
        Level level = locate(targetId).orElseThrow(NotVisibleException::new).level();
        Action action =
                actions.stream().filter(a -> a.appliesOn(level)).findFirst().orElseThrow(NotVisibleException::new);
        require(action, targetId);
    }

    @Override
    public boolean allows(Action action, UUID targetId) {
        return (maskOf(targetId) & bit(action)) != 0;
    }

    @Override
    public Set<Action> allowed(UUID targetId) {
        return actions(maskOf(targetId));
    }

    @Override
    public Set<Role> rolesOn(UUID targetId) {
        Optional<Caller> caller = caller();
        Optional<ResourcePath> path = locate(targetId);
        if (caller.isEmpty()
                || caller.get().staff()
                || path.isEmpty()
                || !allowedAddress(path.get().groupId())) {
            return EnumSet.noneOf(Role.class);
        }
        Map<UUID, Grant> held = grantsOf(path.get().groupId(), caller.get().accountId());
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (ResourcePath.Step step : path.get().steps()) {
            Grant grant = held.get(step.id());
            if (grant != null) {
                roles.add(grant.role());
            }
        }
        return roles;
    }

    @Override
    public Set<Action> allowedFor(UUID accountId, UUID targetId) {
        return locate(targetId)
                .map(path -> actions(mask(new Caller(accountId, false), path)))
                .orElseGet(() -> EnumSet.noneOf(Action.class));
    }

    @Override
    public Predicate<UUID> childrenAllowing(Action action, UUID parentId, Level childLevel) {
        Optional<ResourcePath> parent = locate(parentId);
        Optional<Caller> caller = caller();
        if (parent.isEmpty() || caller.isEmpty() || !action.appliesOn(childLevel)) {
            return id -> false;
        }
        if (!allowedAddress(parent.get().groupId())) {
            return id -> false;
        }
        if (caller.get().staff()) {
            Optional<AccessRequest> open =
                    staffGrant(parent.get().groupId(), caller.get().accountId());
            if (open.isEmpty() || !open.get().scope().actions().contains(action)) {
                return id -> false;
            }
            UUID node = open.get().nodeId();
            boolean parentInScope = inScope(parent.get(), node);
            return id -> parentInScope || id.equals(node);
        }
        Map<UUID, Grant> held = grantsOf(parent.get().groupId(), caller.get().accountId());
        long above = onPath(parent.get(), held);
        long wanted = bit(action);
        return id -> {
            Grant own = held.get(id);
            long mask = own == null
                    ? above
                    : above | PermissionTable.permittedMask(own.role(), own.allowDownload(), own.allowUpload());
            return (mask & LEVEL_MASKS[childLevel.ordinal()] & wanted) != 0;
        };
    }

    @Override
    public Optional<ResourcePath> locate(UUID id) {
        CachedPath cached = paths.get(id);
        if (cached != null && cached.version() == version(cached.path().groupId())) {
            return Optional.of(cached.path());
        }
        for (ResourceLocator locator : locators) {
            Optional<ResourcePath> found = locator.locate(id);
            if (found.isPresent()) {
                UUID groupId = found.get().groupId();
                long version = version(groupId);
                // Cached only if no change came between: a move bumps the version in its transaction.
                if (version == freshVersion(groupId)) {
                    remember(paths, id, new CachedPath(found.get(), version));
                }
                return found;
            }
        }
        return Optional.empty();
    }

    /** Drops this request's decisions, after a change of grants within it. */
    void forgetRequestDecisions() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.removeAttribute(REQUEST_CACHE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    Optional<Caller> caller() {
        RequestDecisions request = request();
        if (request == null) {
            return callers.current();
        }
        if (request.caller == null) {
            request.caller = callers.current();
        }
        return request.caller;
    }

    private long maskOf(UUID targetId) {
        Optional<Caller> caller = caller();
        if (caller.isEmpty()) {
            return 0;
        }
        RequestDecisions request = request();
        if (request != null) {
            Long known = request.masks.get(targetId);
            if (known != null) {
                return known;
            }
        }
        long mask = locate(targetId)
                .map(path -> allowedAddress(path.groupId()) ? mask(caller.get(), path) : 0L)
                .orElse(0L);
        if (request != null) {
            request.masks.put(targetId, mask);
        }
        return mask;
    }

    /**
     * Everything the caller's roles on the path permit, whatever the level (to compare with a role they
     * would grant there); empty for staff and for an unknown caller or node.
     */
    Set<Action> held(UUID nodeId) {
        Optional<Caller> caller = caller();
        Optional<ResourcePath> path = locate(nodeId);
        if (caller.isEmpty() || caller.get().staff() || path.isEmpty()) {
            return EnumSet.noneOf(Action.class);
        }
        return actions(
                onPath(path.get(), grantsOf(path.get().groupId(), caller.get().accountId())));
    }

    /** {@link #held} for any account (an invitation's inviter, when it is accepted). */
    Set<Action> heldBy(UUID accountId, UUID nodeId) {
        Optional<ResourcePath> path = locate(nodeId);
        if (path.isEmpty()) {
            return EnumSet.noneOf(Action.class);
        }
        return actions(onPath(path.get(), grantsOf(path.get().groupId(), accountId)));
    }

    /**
     * The actions the caller may do to the path's target, as a mask; staff hold none, but the scope of an
     * access request open for them in the group (read from the store, at most once per request and group).
     */
    long mask(Caller caller, ResourcePath path) {
        if (caller.staff()) {
            return staffMask(caller, path);
        }
        Map<UUID, Grant> held = grantsOf(path.groupId(), caller.accountId());
        long mask = onPath(path, held);
        if (path.level() == Level.GROUP && !held.isEmpty()) {
            mask |= VIEW_GROUP; // every member sees the group itself
        }
        return mask & LEVEL_MASKS[path.level().ordinal()];
    }

    /**
     * An open access request's scope: seeing the group, and the scope's actions on its node and below. The
     * first use in a request is put on the group's trail and the platform's, with the access request's id.
     */
    private long staffMask(Caller caller, ResourcePath path) {
        Optional<AccessRequest> open = staffGrant(path.groupId(), caller.accountId());
        if (open.isEmpty()) {
            return 0;
        }
        long mask = path.level() == Level.GROUP ? VIEW_GROUP : 0;
        if (inScope(path, open.get().nodeId())) {
            for (Action action : open.get().scope().actions()) {
                mask |= bit(action);
            }
        }
        mask &= LEVEL_MASKS[path.level().ordinal()];
        if (mask != 0) {
            recordUse(open.get(), caller);
        }
        return mask;
    }

    @Override
    public AccessRequest requireStaffScope(AccessScope scope, UUID groupId) {
        Optional<ResourcePath> path = locate(groupId).filter(found -> found.level() == Level.GROUP);
        Optional<Caller> caller = caller().filter(Caller::staff);
        if (path.isEmpty()) {
            throw new NotVisibleException();
        }
        if (caller.isEmpty()) {
            // A member who sees the group is told it is not theirs to do (403); anyone else finds nothing.
            if (allows(Action.VIEW_GROUP, groupId)) {
                throw new ActionDeniedException("Only platform support acting under an approved " + scope.name()
                        + " access request does this; the group's admins approve one.");
            }
            throw new NotVisibleException();
        }
        Optional<AccessRequest> open = staffGrant(groupId, caller.get().accountId());
        if (open.isEmpty()) {
            throw new NotVisibleException();
        }
        if (!allowedAddress(groupId)) {
            throw new AddressNotAllowedException();
        }
        if (open.get().scope() != scope) {
            throw new ActionDeniedException("The access request open in this group is not for "
                    + scope.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".");
        }
        recordUse(open.get(), caller.get());
        return open.get();
    }

    @Override
    public boolean inStaffScope(AccessRequest request, UUID nodeId) {
        return locate(nodeId)
                .filter(path -> path.groupId().equals(request.groupId()))
                .filter(path -> inScope(path, request.nodeId()))
                .isPresent();
    }

    private static boolean inScope(ResourcePath path, UUID nodeId) {
        return path.steps().stream().anyMatch(step -> step.id().equals(nodeId));
    }

    private Optional<AccessRequest> staffGrant(UUID groupId, UUID accountId) {
        RequestDecisions request = request();
        if (request == null) {
            return staffGrants.open(groupId, accountId);
        }
        return request.staffGrants.computeIfAbsent(groupId, id -> staffGrants.open(id, accountId));
    }

    private void recordUse(AccessRequest open, Caller caller) {
        RequestDecisions request = request();
        if (request == null || !request.recorded.add(open.id())) {
            return;
        }
        RequestOrigin origin = RequestOrigin.current();
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(
                    new StaffAccessUsed(open.groupId(), open.groupId(), open.id(), caller.accountId(), origin));
            events.publishEvent(new StaffAccessUsed(null, open.groupId(), open.id(), caller.accountId(), origin));
        });
    }

    private static long onPath(ResourcePath path, Map<UUID, Grant> held) {
        long mask = 0;
        if (held.isEmpty()) {
            return mask;
        }
        for (ResourcePath.Step step : path.steps()) {
            Grant grant = held.get(step.id());
            if (grant != null) {
                mask |= PermissionTable.permittedMask(grant.role(), grant.allowDownload(), grant.allowUpload());
            }
        }
        return mask;
    }

    Map<UUID, Grant> grantsOf(UUID groupId, UUID accountId) {
        GrantKey key = new GrantKey(groupId, accountId);
        long version = version(groupId);
        CachedGrants cached = grantCache.get(key);
        if (cached != null && cached.version() == version) {
            return cached.grants();
        }
        Map<UUID, Grant> read = Map.copyOf(grants.grantsOf(groupId, accountId));
        if (version == freshVersion(groupId)) {
            remember(grantCache, key, new CachedGrants(read, version));
        }
        return read;
    }

    /** The group's version, read once per request. */
    private long version(UUID groupId) {
        RequestDecisions request = request();
        if (request == null) {
            return grants.version(groupId);
        }
        return request.versions.computeIfAbsent(groupId, grants::version);
    }

    private long freshVersion(UUID groupId) {
        return grants.version(groupId);
    }

    @Nullable
    private static RequestDecisions request() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return null;
        }
        Object known = attributes.getAttribute(REQUEST_CACHE, RequestAttributes.SCOPE_REQUEST);
        if (known instanceof RequestDecisions decisions) {
            return decisions;
        }
        RequestDecisions decisions = new RequestDecisions();
        attributes.setAttribute(REQUEST_CACHE, decisions, RequestAttributes.SCOPE_REQUEST);
        return decisions;
    }

    private static <K, V> void remember(Map<K, V> cache, K key, V value) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear(); // crude, but bounded; a warm cache refills within a few requests
        }
        cache.put(key, value);
    }

    static long bit(Action action) {
        return 1L << action.ordinal();
    }

    static Set<Action> actions(long mask) {
        EnumSet<Action> actions = EnumSet.noneOf(Action.class);
        for (Action action : Action.values()) {
            if ((mask & bit(action)) != 0) {
                actions.add(action);
            }
        }
        return actions;
    }

    private record GrantKey(UUID groupId, UUID accountId) {}

    private record CachedGrants(Map<UUID, Grant> grants, long version) {}

    private record CachedPath(ResourcePath path, long version) {}

    /** What one request has decided; requests are served by one thread. */
    private static final class RequestDecisions {
        @Nullable
        Optional<Caller> caller;

        final Map<UUID, Long> versions = new HashMap<>();
        final Map<UUID, Long> masks = new HashMap<>();
        final Map<UUID, Optional<String>> policyRefusals = new HashMap<>();
        final Map<UUID, Optional<AccessRequest>> staffGrants = new HashMap<>();
        final java.util.Set<UUID> recorded = new HashSet<>();
    }
}
