package io.selvedge.access.internal;

import io.selvedge.access.Action;
import io.selvedge.access.ActionDeniedException;
import io.selvedge.access.DirectoryRoles;
import io.selvedge.access.Grant;
import io.selvedge.access.GrantRefusedException;
import io.selvedge.access.Grants;
import io.selvedge.access.Level;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.PermissionTable;
import io.selvedge.access.ResourcePath;
import io.selvedge.access.Role;
import io.selvedge.access.RoleGranted;
import io.selvedge.access.RoleRevoked;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupWrites;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Grants and revokes roles for the current caller, under the rules of {@link Grants}. */
@Service
@RequiredArgsConstructor
class GrantService implements Grants, DirectoryRoles {

    private final GrantRepository records;
    private final DecisionPoint decisions;
    private final Callers callers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final GroupWrites writes;

    @Override
    public Grant grant(UUID nodeId, UUID accountId, Role role, boolean allowDownload, boolean allowUpload) {
        ResourcePath path = mayGrant(nodeId, role, allowDownload, allowUpload);
        Caller granter = decisions.caller().orElseThrow(NotVisibleException::new);
        boolean download = role == Role.VIEWER && allowDownload;
        boolean upload = role == Role.VIEWER && allowUpload;
        Caller grantee = callers.byId(accountId).orElseThrow(DirectGrantService.NoSuchGrantee::new);
        if (grantee.staff()) {
            throw new GrantRefusedException("Platform staff hold no role in a customer's group.");
        }
        return put(path, accountId, role, download, upload, granter.accountId(), granter.accountId());
    }

    /**
     * Every check of the caller's right to grant the role on the node, whoever the grantee: the node's path.
     * Throws as {@link #grant} does.
     */
    ResourcePath mayGrant(UUID nodeId, Role role, boolean allowDownload, boolean allowUpload) {
        ResourcePath path = decisions.locate(nodeId).orElseThrow(NotVisibleException::new);
        Level level = path.level();
        decisions.caller().orElseThrow(NotVisibleException::new);
        Set<Action> own = decisions.allowed(nodeId);
        if (own.isEmpty() || path.deletedOnPath()) {
            throw new NotVisibleException(); // in a deleted workroom (or above), as the rest of it: not found
        }
        if (!role.grantableOn(level)) {
            throw new GrantRefusedException("A " + role + " is granted on a "
                    + role.grantedOn().stream().map(Level::noun).toList() + ", not on a " + level.noun() + ".");
        }
        Action needed = role.byShare() ? Action.SHARE : inviteOn(level);
        if (!own.contains(needed)) {
            decisions.require(needed, nodeId); // records the refusal, throws 403
        }
        boolean download = role == Role.VIEWER && allowDownload;
        boolean upload = role == Role.VIEWER && allowUpload;
        if (!PermissionTable.atLeast(decisions.held(nodeId), role, download, upload)) {
            throw new ActionDeniedException("You cannot grant a role stronger than your own here.");
        }
        return path;
    }

    /** The group's creator becomes its admin, in the transaction that created the group. */
    Grant grantCreator(UUID groupId, UUID creator) {
        // Granted by the system (no granter on the grant), but the creator's creating the group caused it.
        return put(ResourcePath.ofGroup(groupId), creator, Role.GROUP_ADMIN, false, false, null, creator);
    }

    /** The role of an accepted invitation, granted by who invited (checked by the invitations, not here). */
    Grant grantInvited(ResourcePath path, UUID accountId, Role role, UUID invitedBy, boolean download, boolean upload) {
        return put(path, accountId, role, download, upload, invitedBy, invitedBy);
    }

    /** Drops every grant of an account that is deleted, in every group, each group's in its own region. */
    void dropAllOf(UUID accountId) {
        for (UUID groupId : records.groupsOf(accountId)) {
            records.plane(groupId)
                    .ifPresent(plane -> writes.run(groupId, tx -> {
                        JdbcClient jdbc = plane.jdbc();
                        for (Grant grant : records.grantsOf(groupId, accountId).values()) {
                            records.delete(jdbc, grant.nodeId(), accountId);
                            events.publishEvent(new RoleRevoked(
                                    groupId,
                                    grant.nodeId(),
                                    decisions
                                            .locate(grant.nodeId())
                                            .map(ResourcePath::level)
                                            .orElse(Level.GROUP),
                                    accountId,
                                    grant.role(),
                                    null,
                                    RequestOrigin.current()));
                        }
                        records.bump(jdbc, groupId);
                    }));
        }
        decisions.forgetRequestDecisions();
    }

    @Override
    public void checkMapping(UUID groupId, UUID nodeId, Role role) {
        ResourcePath path = decisions
                .locate(nodeId)
                .filter(found -> found.groupId().equals(groupId) && !found.deletedOnPath())
                .orElseThrow(() -> new GrantRefusedException("There is no such node in the group: " + nodeId + "."));
        if (!role.grantableOn(path.level())) {
            throw new GrantRefusedException("A " + role + " is granted on a "
                    + role.grantedOn().stream().map(Level::noun).toList() + ", not on a "
                    + path.level().noun() + ".");
        }
    }

    @Override
    public boolean apply(UUID groupId, UUID accountId, Map<UUID, Role> wanted, Set<UUID> governed) {
        boolean changed = false;
        for (UUID nodeId : governed) {
            Optional<ResourcePath> path =
                    decisions.locate(nodeId).filter(found -> found.groupId().equals(groupId) && !found.deletedOnPath());
            if (path.isEmpty()) {
                continue;
            }
            GroupDataPlane plane = records.plane(groupId).orElseThrow(NotVisibleException::new);
            Optional<Grant> held = records.find(plane.jdbc(), nodeId, accountId);
            Role role = wanted.get(nodeId);
            try {
                if (role != null && role.grantableOn(path.get().level())) {
                    if (held.map(grant -> grant.role() != role).orElse(true)) {
                        put(path.get(), accountId, role, false, false, null, accountId);
                        changed = true;
                    }
                } else if (held.isPresent()) {
                    changed |= revokeForDirectory(plane, path.get(), accountId);
                }
            } catch (GrantRefusedException lastAdmin) {
                // The group keeps its last admin whatever the directory says.
            }
        }
        return changed;
    }

    private boolean revokeForDirectory(GroupDataPlane plane, ResourcePath path, UUID accountId) {
        return remove(plane, path, accountId, accountId);
    }

    /** Removes the account's grant on the path's node, unless it is the group's last admin; false if none. */
    private boolean remove(GroupDataPlane plane, ResourcePath path, UUID accountId, @Nullable UUID revokedBy) {
        UUID groupId = path.groupId();
        UUID nodeId = path.target().id();
        boolean removed = Boolean.TRUE.equals(writes.write(plane.groupId(), tx -> {
            JdbcClient jdbc = plane.jdbc();
            Optional<Grant> locked = records.find(jdbc, nodeId, accountId);
            if (locked.isEmpty()) {
                return false;
            }
            if (locked.get().role() == Role.GROUP_ADMIN) {
                requireAnotherAdmin(jdbc, groupId, accountId);
            }
            records.delete(jdbc, nodeId, accountId);
            records.bump(jdbc, groupId);
            events.publishEvent(new RoleRevoked(
                    groupId, nodeId, path.level(), accountId, locked.get().role(), revokedBy, RequestOrigin.current()));
            return true;
        }));
        decisions.forgetRequestDecisions();
        return removed;
    }

    private Grant put(
            ResourcePath path,
            UUID accountId,
            Role role,
            boolean download,
            boolean upload,
            @Nullable UUID grantedBy,
            UUID actor) {
        UUID groupId = path.groupId();
        UUID nodeId = path.target().id();
        GroupDataPlane plane = records.plane(groupId).orElseThrow(NotVisibleException::new);
        Grant grant = new Grant(groupId, nodeId, accountId, role, download, upload, grantedBy, clock.instant());
        writes.run(plane.groupId(), tx -> {
            JdbcClient jdbc = plane.jdbc();
            Optional<Grant> before = records.find(jdbc, nodeId, accountId);
            if (before.map(g -> g.role() == Role.GROUP_ADMIN).orElse(false) && role != Role.GROUP_ADMIN) {
                requireAnotherAdmin(jdbc, groupId, accountId);
            }
            records.put(jdbc, grant);
            records.bump(jdbc, groupId);
            events.publishEvent(new RoleGranted(
                    groupId,
                    nodeId,
                    path.level(),
                    accountId,
                    role,
                    download,
                    upload,
                    grantedBy,
                    AuditActor.account(actor),
                    RequestOrigin.current()));
        });
        decisions.forgetRequestDecisions();
        return grant;
    }

    @Override
    public boolean revoke(UUID nodeId, UUID accountId) {
        ResourcePath path = decisions.locate(nodeId).orElseThrow(NotVisibleException::new);
        Caller revoker = decisions.caller().orElseThrow(NotVisibleException::new);
        Set<Action> own = decisions.allowed(nodeId);
        if (own.isEmpty()) {
            throw new NotVisibleException();
        }
        UUID groupId = path.groupId();
        GroupDataPlane plane = records.plane(groupId).orElseThrow(NotVisibleException::new);
        Optional<Grant> existing = records.find(plane.jdbc(), nodeId, accountId);
        if (existing.isEmpty()) {
            return false;
        }
        Grant held = existing.get();
        Action needed = held.role().byShare() ? Action.SHARE : inviteOn(path.level());
        // Anyone may give up their own grant; else the right to grant it, and at least its strength.
        if (!accountId.equals(revoker.accountId())) {
            if (!own.contains(needed)) {
                decisions.require(needed, nodeId);
            }
            if (!PermissionTable.atLeast(
                    decisions.held(nodeId), held.role(), held.allowDownload(), held.allowUpload())) {
                throw new ActionDeniedException("You cannot remove a role stronger than your own here.");
            }
        }
        return remove(plane, path, accountId, revoker.accountId());
    }

    @Override
    public void pathsChanged(UUID groupId) {
        records.plane(groupId).ifPresent(plane -> records.bump(plane.jdbc(), groupId));
    }

    @Override
    public void resourcePurged(UUID groupId, UUID resourceId) {
        records.plane(groupId).ifPresent(plane -> {
            records.deleteOn(plane.jdbc(), resourceId);
            records.bump(plane.jdbc(), groupId);
        });
    }

    @Override
    public List<Grant> grantsIn(UUID groupId) {
        return records.all(groupId);
    }

    @Override
    public List<Grant> grantsOf(UUID accountId) {
        List<Grant> held = new java.util.ArrayList<>();
        for (UUID groupId : records.groupsOf(accountId)) {
            held.addAll(records.grantsOf(groupId, accountId).values());
        }
        held.sort(java.util.Comparator.comparing(Grant::grantedAt).thenComparing(Grant::nodeId));
        return held;
    }

    @Override
    public Set<UUID> groupsOf(UUID accountId) {
        return records.groupsOf(accountId);
    }

    private void requireAnotherAdmin(JdbcClient jdbc, UUID groupId, UUID leaving) {
        boolean another = records.lockRole(jdbc, groupId, Role.GROUP_ADMIN).stream()
                .anyMatch(admin -> !admin.accountId().equals(leaving));
        if (!another) {
            throw new GrantRefusedException("The group's last admin cannot be removed or demoted.");
        }
    }

    static Action inviteOn(Level level) {
        return switch (level) {
            case GROUP -> Action.INVITE_TO_GROUP;
            case COMPANY -> Action.INVITE_TO_COMPANY;
            case BRAND -> Action.INVITE_TO_BRAND;
            default -> Action.SHARE;
        };
    }
}
