package io.selvedge.crypto.internal;

import io.selvedge.crypto.KeyStatus;
import io.selvedge.storage.StoreId;
import io.selvedge.storage.Stores;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Destroys the keys of groups whose grace period has passed (crypto-shredding). The state changes
 * first, so a late cancellation cannot race the destruction; a destruction that stopped half-way is
 * finished on the next run.
 */
@Component
@RequiredArgsConstructor
class Shredder {

    private static final Logger log = LoggerFactory.getLogger(Shredder.class);

    private final Stores stores;
    private final WrappedKeysets table;
    private final Keysets keysets;

    @Scheduled(
            initialDelayString = "${selvedge.crypto.shredding-check-interval:1h}",
            fixedDelayString = "${selvedge.crypto.shredding-check-interval:1h}")
    @SchedulerLock(name = "crypto.shredder", lockAtMostFor = "1h")
    void destroyDueNow() {
        destroyDue(keysets.now());
    }

    /** Destroys the keys of every group whose destruction is due at {@code now}; returns those groups. */
    List<UUID> destroyDue(Instant now) {
        List<UUID> destroyed = new ArrayList<>();
        for (String region : stores.regions()) {
            StoreId store = StoreId.region(region);
            for (UUID group : table.destructionDue(store, now)) {
                if (table.changeState(
                        store, group, KeyStatus.State.DESTRUCTION_SCHEDULED, KeyStatus.State.DESTROYED, null)) {
                    destroyed.add(group);
                }
            }
            for (UUID group : table.destroyedWithRemains(store)) {
                try {
                    keysets.shred(new KeyOwner(group, store));
                    log.info("Destroyed the keys of group {} in the {} store", group, store);
                } catch (GeneralSecurityException | RuntimeException e) {
                    log.error("Could not finish destroying the keys of group {}; retrying on the next run", group, e);
                }
            }
        }
        return destroyed;
    }
}
