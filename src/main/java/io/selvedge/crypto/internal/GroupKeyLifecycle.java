package io.selvedge.crypto.internal;

import io.selvedge.crypto.CryptoProperties;
import io.selvedge.crypto.GroupKeys;
import io.selvedge.crypto.KeyStatus;
import io.selvedge.crypto.KeysRotated;
import io.selvedge.crypto.ReEncryptionJobs;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

@Service
@RequiredArgsConstructor
class GroupKeyLifecycle implements GroupKeys {

    private static final Logger log = LoggerFactory.getLogger(GroupKeyLifecycle.class);

    private final Keysets keysets;
    private final WrappedKeysets table;
    private final ReEncryptionJobs jobs;
    private final CryptoProperties crypto;
    private final AuditedEvents events;

    @Override
    public void create(UUID groupId) {
        keysets.create(keysets.ownerOf(groupId));
        log.info("Created the keys of group {}", groupId);
    }

    @Override
    public UUID rotate(UUID groupId, AuditActor by) {
        keysets.addPrimaryKeys(keysets.ownerOf(groupId));
        UUID job = jobs.start(groupId);
        events.publish(new KeysRotated(groupId, null, by, RequestOrigin.current()));
        log.info("Rotated the keys of group {}; re-encryption job {}", groupId, job);
        return job;
    }

    @Override
    public KeyStatus scheduleDestruction(UUID groupId) {
        KeyOwner owner = keysets.ownerOf(groupId);
        KeyStatus status = table.status(owner.store(), groupId);
        if (status.state() == KeyStatus.State.ACTIVE) {
            table.changeState(
                    owner.store(),
                    groupId,
                    KeyStatus.State.ACTIVE,
                    KeyStatus.State.DESTRUCTION_SCHEDULED,
                    keysets.now().plus(crypto.shreddingGracePeriod()));
            status = table.status(owner.store(), groupId);
            log.info("Scheduled the destruction of the keys of group {} for {}", groupId, status.destroyAfter());
        } else if (status.state() != KeyStatus.State.DESTRUCTION_SCHEDULED) {
            throw new IllegalStateException("Group " + groupId + " has no keys to destroy (" + status.state() + ")");
        }
        return status;
    }

    @Override
    public KeyStatus cancelDestruction(UUID groupId) {
        KeyOwner owner = keysets.ownerOf(groupId);
        if (!table.changeState(
                owner.store(), groupId, KeyStatus.State.DESTRUCTION_SCHEDULED, KeyStatus.State.ACTIVE, null)) {
            KeyStatus status = table.status(owner.store(), groupId);
            if (status.state() != KeyStatus.State.ACTIVE) {
                throw new IllegalStateException("The destruction of the keys of group " + groupId
                        + " cannot be cancelled (" + status.state() + ")");
            }
            return status;
        }
        log.info("Cancelled the destruction of the keys of group {}", groupId);
        return table.status(owner.store(), groupId);
    }

    @Override
    public KeyStatus statusOf(UUID groupId) {
        return keysets.status(keysets.ownerOf(groupId));
    }
}
