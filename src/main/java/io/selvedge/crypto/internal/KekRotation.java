package io.selvedge.crypto.internal;

import io.selvedge.crypto.KeysRotated;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.StoreId;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rotates a store's key-encrypting key online: adds a new version, then re-wraps every keyset row of
 * the store under it, one atomic compare-and-set per row. Keysets stay usable throughout (a row is
 * always wrapped under a KEK that exists), and cached keysets are not touched at all.
 */
@Component
@RequiredArgsConstructor
class KekRotation {

    /** The outcome: the new KEK, how many rows were re-wrapped, and which old versions were destroyed. */
    record Result(String newKek, int rewrapped, List<String> destroyed) {}

    private static final Logger log = LoggerFactory.getLogger(KekRotation.class);
    private static final int BATCH = 100;
    private static final int MAX_PASSES_WITHOUT_PROGRESS = 5;

    private final KeyEncryptionKeys keks;
    private final WrappedKeysets table;
    private final Keysets keysets;

    private final AuditedEvents events;

    /**
     * @param destroyPrevious also destroy the older KEK versions once no row uses them. Copies of the
     *     stores (backups) taken before are then unreadable: do it only past the backups' retention.
     */
    Result rotate(StoreId store, boolean destroyPrevious) throws GeneralSecurityException {
        String newKek = keks.addKekVersion(store);
        int rewrapped = 0;
        int idlePasses = 0;
        while (idlePasses < MAX_PASSES_WITHOUT_PROGRESS) {
            List<WrappedKeysets.Row> rows = table.wrappedUnderOtherThan(store, newKek, BATCH);
            if (rows.isEmpty()) {
                break;
            }
            int before = rewrapped;
            for (WrappedKeysets.Row row : rows) {
                if (keysets.rewrap(store, row, newKek)) {
                    rewrapped++;
                } // else the row changed meanwhile (a group rotation): the next pass reads it again
            }
            idlePasses = rewrapped == before ? idlePasses + 1 : 0;
        }
        List<String> destroyed = new ArrayList<>();
        if (destroyPrevious) {
            for (String name : keks.of(store).names()) {
                if (name.startsWith(KeyEncryptionKeys.KEK_PREFIX)
                        && !name.equals(newKek)
                        && table.countWrappedUnder(store, name) == 0) {
                    keks.of(store).destroy(name);
                    destroyed.add(name);
                }
            }
        }
        log.info("Rotated the KEK of the {} store to {}: {} keysets re-wrapped", store, newKek, rewrapped);
        events.publish(new KeysRotated(null, store.name(), AuditActor.system(), RequestOrigin.current()));
        return new Result(newKek, rewrapped, destroyed);
    }
}
