package io.selvedge.tenancy.internal;

import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.crypto.GroupKeys;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupResidency;
import io.selvedge.storage.GroupWrites;
import io.selvedge.storage.UnknownGroupException;
import io.selvedge.tenancy.Group;
import io.selvedge.tenancy.GroupCreated;
import io.selvedge.tenancy.Groups;
import io.selvedge.tenancy.NoSuchNodeException;
import io.selvedge.tenancy.Tree;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Creates groups: residency first (the region is fixed from then on), then the keys, then the group's
 * row in its region. Nothing of the group but its id and region reaches the global directory.
 */
@Service
@RequiredArgsConstructor
class GroupRegistry implements Groups {

    private final GroupResidency residency;
    private final GroupKeys keys;
    private final GroupDataPlanes planes;
    private final GroupWrites writes;
    private final FieldCiphers ciphers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Override
    public Group create(String name, String region, UUID creator) {
        return create(name, region, creator, true);
    }

    @Override
    public Group createForCustomer(String name, String region, UUID staffAccount) {
        return create(name, region, staffAccount, false);
    }

    private Group create(String name, String region, UUID creator, boolean creatorIsAdmin) {
        String clean = Tree.normalisedName(name);
        if (creator == null) {
            throw new IllegalArgumentException("A group needs a creator.");
        }
        UUID groupId = UUID.randomUUID();
        residency.register(groupId, region);
        keys.create(groupId);
        FieldCipher cipher = ciphers.of(groupId);
        String id = groupId.toString();
        Instant now = clock.instant();
        writes.run(groupId, plane -> {
            NodeRepository.insertGroup(
                    plane.jdbc(),
                    groupId,
                    NodeRepository.GROUP_NAME.encrypt(cipher, clean, id),
                    NodeRepository.GROUP_CREATOR.encrypt(cipher, creator.toString(), id),
                    now);
            events.publishEvent(new GroupCreated(
                    groupId, region, AuditActor.account(creator), creatorIsAdmin, RequestOrigin.current()));
        });
        return new Group(groupId, clean, residency.regionOf(groupId), now);
    }

    @Override
    public Group get(UUID groupId) {
        GroupDataPlane plane = planeOf(groupId);
        NodeRepository.GroupRow row =
                NodeRepository.group(plane.jdbc(), groupId).orElseThrow(() -> new NoSuchNodeException(groupId));
        String name = NodeRepository.GROUP_NAME.decrypt(ciphers.of(groupId), row.encryptedName(), groupId);
        return new Group(groupId, name, plane.region(), row.createdAt());
    }

    /** Whether a group with this id exists (registered, with its row in its region). */
    boolean exists(UUID groupId) {
        try {
            return NodeRepository.group(planes.of(groupId).jdbc(), groupId).isPresent();
        } catch (UnknownGroupException e) {
            return false;
        }
    }

    /** The plane of a group whose tree exists. */
    GroupDataPlane planeOf(UUID groupId) {
        try {
            return planes.of(groupId);
        } catch (UnknownGroupException e) {
            throw new NoSuchNodeException(groupId);
        }
    }
}
