package io.selvedge.access.internal;

import io.selvedge.access.Grant;
import io.selvedge.access.GrantRefusedException;
import io.selvedge.access.Grants;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.ResourcePath;
import io.selvedge.access.Role;
import io.selvedge.access.ShareCreated;
import io.selvedge.access.ShareRemoved;
import io.selvedge.access.Shares;
import io.selvedge.identity.Caller;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupWrites;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** {@link Shares} on top of {@link Grants}: the same checks, restricted to editor and viewer. */
@Service
@RequiredArgsConstructor
class ShareService implements Shares {

    private final Grants grants;
    private final GrantRepository records;
    private final DecisionPoint decisions;
    private final ApplicationEventPublisher events;
    private final GroupWrites writes;

    @Override
    public Grant share(UUID nodeId, UUID accountId, Role role, boolean allowDownload, boolean allowUpload) {
        if (role == null || !role.byShare()) {
            throw new GrantRefusedException("A share makes an EDITOR or a VIEWER.");
        }
        Optional<Grant> before = existing(nodeId, accountId);
        if (before.isPresent() && !before.get().role().byShare()) {
            throw new GrantRefusedException("This account holds a member role here, not a share.");
        }
        Grant grant = grants.grant(nodeId, accountId, role, allowDownload, allowUpload);
        Caller by = decisions.caller().orElseThrow(NotVisibleException::new);
        publish(
                grant.groupId(),
                new ShareCreated(
                        grant.groupId(),
                        nodeId,
                        levelOf(nodeId),
                        accountId,
                        grant.role(),
                        grant.allowDownload(),
                        grant.allowUpload(),
                        by.accountId(),
                        RequestOrigin.current()));
        return grant;
    }

    @Override
    public List<Grant> sharesOn(UUID nodeId) {
        ResourcePath path = decisions.locate(nodeId).orElseThrow(NotVisibleException::new);
        return records.all(path.groupId()).stream()
                .filter(grant -> grant.nodeId().equals(nodeId) && grant.role().byShare())
                .toList();
    }

    @Override
    public boolean unshare(UUID nodeId, UUID accountId) {
        Optional<Grant> before = existing(nodeId, accountId);
        if (before.isEmpty() || !before.get().role().byShare()) {
            return false;
        }
        Caller by = decisions.caller().orElseThrow(NotVisibleException::new);
        boolean removed = grants.revoke(nodeId, accountId);
        if (removed) {
            Grant was = before.get();
            publish(
                    was.groupId(),
                    new ShareRemoved(
                            was.groupId(),
                            nodeId,
                            levelOf(nodeId),
                            accountId,
                            was.role(),
                            by.accountId(),
                            RequestOrigin.current()));
        }
        return removed;
    }

    private Optional<Grant> existing(UUID nodeId, UUID accountId) {
        ResourcePath path = decisions.locate(nodeId).orElseThrow(NotVisibleException::new);
        return records.plane(path.groupId()).flatMap(plane -> records.find(plane.jdbc(), nodeId, accountId));
    }

    private io.selvedge.access.Level levelOf(UUID nodeId) {
        return decisions.locate(nodeId).map(ResourcePath::level).orElseThrow(NotVisibleException::new);
    }

    private void publish(UUID groupId, Object event) {
        GroupDataPlane plane = records.plane(groupId).orElseThrow(NotVisibleException::new);
        writes.run(plane.groupId(), tx -> events.publishEvent(event));
    }
}
