package io.selvedge.access.internal;

import io.selvedge.access.EmailDomains;
import io.selvedge.access.GrantRefusedException;
import io.selvedge.access.Level;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.ProvisionedGrants;
import io.selvedge.access.ResourcePath;
import io.selvedge.access.Role;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** {@link ProvisionedGrants}: the node must be the group's, the account the group's own. */
@Service
class ProvisionedGrantService implements ProvisionedGrants {

    private final DecisionPoint decisions;
    private final GrantService grants;
    private final EmailDomains domains;

    ProvisionedGrantService(DecisionPoint decisions, GrantService grants, EmailDomains domains) {
        this.decisions = decisions;
        this.grants = grants;
        this.domains = domains;
    }

    @Override
    public void grant(UUID groupId, UUID nodeId, UUID accountId, Role role) {
        ResourcePath path = pathIn(groupId, nodeId, accountId);
        Level level = path.level();
        if (!role.grantableOn(level)) {
            throw new GrantRefusedException("A " + role + " is not granted on a " + level.noun() + ".");
        }
        grants.grantProvisioned(path, accountId, role);
    }

    @Override
    public boolean revoke(UUID groupId, UUID nodeId, UUID accountId, Role role) {
        return grants.revokeProvisioned(pathIn(groupId, nodeId, accountId), accountId, role);
    }

    private ResourcePath pathIn(UUID groupId, UUID nodeId, UUID accountId) {
        if (domains.managingGroupOf(accountId).filter(groupId::equals).isEmpty()) {
            throw new NotVisibleException();
        }
        return decisions
                .locate(nodeId)
                .filter(path -> path.groupId().equals(groupId) && !path.deletedOnPath())
                .orElseThrow(NotVisibleException::new);
    }
}
