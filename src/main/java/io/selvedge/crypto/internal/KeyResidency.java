package io.selvedge.crypto.internal;

import io.selvedge.crypto.CryptoProperties;
import io.selvedge.crypto.KeyStatus;
import io.selvedge.crypto.kms.KeyManagementService;
import io.selvedge.storage.ResidencyContributor;
import io.selvedge.storage.ResidencyReport.Finding;
import io.selvedge.storage.ResidencyReport.Holding;
import io.selvedge.storage.ResidencyReport.Kind;
import io.selvedge.storage.Store;
import io.selvedge.storage.StoreId;
import io.selvedge.storage.StoreKind;
import io.selvedge.storage.Stores;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The group's keys in the residency report: its wrapped keysets in its region's database and its own
 * key in its region's KMS (names and places only, never key material), and a scan of every other store
 * (the other regions and the global directory) for a keyset row or a KMS key of the group.
 */
@Component
@Order(3)
@RequiredArgsConstructor
class KeyResidency implements ResidencyContributor {

    private final Stores stores;
    private final WrappedKeysets table;
    private final KeyEncryptionKeys keks;
    private final CryptoProperties crypto;

    @Override
    public List<Holding> holdings(UUID groupId, String homeRegion) {
        StoreId home = StoreId.region(homeRegion);
        KeyOwner owner = new KeyOwner(groupId, home);
        Map<String, String> keksByPurpose = table.keksOf(home, groupId);
        KeyStatus.State state = table.status(home, groupId).state();
        String keysets = keksByPurpose.isEmpty()
                ? "no keysets (" + state.name().toLowerCase(Locale.ROOT) + ")"
                : keksByPurpose.size() + " wrapped keyset(s) " + keksByPurpose.keySet() + " under "
                        + keksByPurpose.values().stream().distinct().sorted().toList() + " ("
                        + state.name().toLowerCase(Locale.ROOT) + ")";
        KeyManagementService kms = keks.of(home);
        String groupKey = hasKey(kms, owner.kmsKeyName()) ? owner.kmsKeyName() : "no " + owner.kmsKeyName();
        return List.of(
                new Holding(
                        Kind.KEY, homeRegion, stores.region(homeRegion).location() + " table crypto_keyset", keysets),
                new Holding(
                        Kind.KEY,
                        homeRegion,
                        crypto.kmsOf(homeRegion).kms() + " KMS: " + kms.describe(),
                        "keys " + groupKey + ", " + keks.currentKek(home) + " (current key-encrypting key)"));
    }

    @Override
    public List<Finding> findElsewhere(UUID groupId, String homeRegion) {
        String kmsKeyName = new KeyOwner(groupId, StoreId.GLOBAL).kmsKeyName();
        List<Finding> found = new ArrayList<>();
        for (Store store : stores.all()) {
            StoreId id = store.id();
            if (id.kind() == StoreKind.REGIONAL && id.region().equals(homeRegion)) {
                continue;
            }
            String region = id.kind() == StoreKind.GLOBAL ? id.name() : id.region();
            table.rowsOf(id, groupId)
                    .forEach((rows, count) ->
                            found.add(new Finding(region, Kind.KEY, store.location(), "table " + rows, count)));
            KeyManagementService kms = keks.of(id);
            if (hasKey(kms, kmsKeyName)) {
                found.add(new Finding(region, Kind.KEY, kms.describe(), "key " + kmsKeyName, 1));
            }
        }
        return found;
    }

    private static boolean hasKey(KeyManagementService kms, String name) {
        try {
            return kms.names().contains(name);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot list the keys of " + kms.describe(), e);
        }
    }
}
