package io.selvedge.tenancy.internal;

import io.selvedge.crypto.FieldCiphers;
import io.selvedge.crypto.KeysDestroyedException;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.TargetNames;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.ResourceHomes;
import io.selvedge.storage.ResourceKind;
import io.selvedge.storage.UnknownGroupException;
import io.selvedge.tenancy.NoSuchNodeException;
import io.selvedge.tenancy.NodeKind;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The readable names of groups and of the nodes of their trees, deleted ones included (until purged),
 * decrypted for the audit trail, which encrypts them again under the group's keys.
 */
@Component
@RequiredArgsConstructor
class TreeNames implements TargetNames {

    private final GroupRegistry groups;
    private final ResourceHomes homes;
    private final FieldCiphers ciphers;

    @Override
    public Optional<String> nameOf(AuditTarget target) {
        UUID id = uuid(target.id());
        if (id == null) {
            return Optional.empty();
        }
        try {
            if (target.kind().equals("group")) {
                GroupDataPlane plane = groups.planeOf(id);
                return NodeRepository.group(plane.jdbc(), id)
                        .map(row -> NodeRepository.GROUP_NAME.decrypt(ciphers.of(id), row.encryptedName(), id));
            }
            if (!isNodeKind(target.kind())) {
                return Optional.empty();
            }
            Optional<UUID> group = homes.groupOf(id, ResourceKind.NODE);
            if (group.isEmpty()) {
                return Optional.empty();
            }
            GroupDataPlane plane = groups.planeOf(group.get());
            return NodeRepository.find(plane.jdbc(), group.get(), id)
                    .map(row -> NodeRepository.NODE_NAME.decrypt(ciphers.of(group.get()), row.encryptedName(), id));
        } catch (UnknownGroupException | NoSuchNodeException | KeysDestroyedException e) {
            return Optional.empty();
        }
    }

    private static boolean isNodeKind(String kind) {
        for (NodeKind nodeKind : NodeKind.values()) {
            if (nodeKind.auditName().equals(kind)) {
                return true;
            }
        }
        return false;
    }

    private static UUID uuid(String id) {
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
