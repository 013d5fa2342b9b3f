package io.selvedge.access.internal;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.ResourcePath;
import io.selvedge.tenancy.MoveGuard;
import io.selvedge.tenancy.NodeKind;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * A node's new parent must be one the caller sees (404 otherwise, as for any unknown id); of the node's
 * parent level, one where they may manage nodes of its kind (403 otherwise).
 */
@Component
@RequiredArgsConstructor
class TreeMoveGuard implements MoveGuard {

    private final Authorization authorization;

    @Override
    public void checkDestination(NodeKind kind, UUID newParentId) {
        Action action = kind == NodeKind.SEASON ? Action.MANAGE_SEASONS : Action.MANAGE_WORKROOMS;
        ResourcePath target = authorization.locate(newParentId).orElseThrow(NotVisibleException::new);
        if (authorization.allowed(newParentId).isEmpty()) {
            throw new NotVisibleException();
        }
        if (action.appliesOn(target.level())) {
            authorization.require(action, newParentId);
        }
    }
}
