package io.selvedge.backup.internal;

import io.selvedge.crypto.CryptoProperties;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.storage.Store;
import io.selvedge.storage.StoreId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a backup says about the keys: each store's key-encryption key is either in a local key store
 * ({@code keys/<store>.kek} in the data directory, sealed by the master key), which the backup copies as
 * it is, or in an HSM, which the backup names and does not hold. The master key is never in a backup.
 */
final class KeyStoreDescriptions {

    private final Map<String, String> notes = new TreeMap<>();
    private final List<String> files = new ArrayList<>();

    KeyStoreDescriptions(CryptoProperties crypto, PlatformProperties platform, List<Store> stores) {
        Path dataDir = platform.dataDir().toAbsolutePath().normalize();
        notes.put(
                "master-key",
                "not in this backup: the local key stores are sealed by it; restore needs the same master key"
                        + " (SELVEDGE_MASTER_KEY_FILE or SELVEDGE_MASTER_KEY_PASSPHRASE)");
        for (Store store : stores) {
            StoreId id = store.id();
            CryptoProperties.Kms kms = id.region() == null ? crypto.global() : crypto.kmsOf(id.region());
            String name = "kek." + id.name();
            if (kms.kms().equals("local")) {
                String file = "keys/" + id.name() + ".kek";
                if (Files.isRegularFile(dataDir.resolve(file))) {
                    files.add(file);
                    notes.put(name, "local key store " + file + ", sealed by the master key; copied in files/" + file);
                } else {
                    notes.put(name, "local key store " + file + " (not made yet)");
                }
            } else if (kms.kms().equals("pkcs11")) {
                CryptoProperties.Pkcs11 hsm = kms.pkcs11();
                notes.put(
                        name,
                        "in an HSM (PKCS#11, library " + hsm.library() + ", slot "
                                + (hsm.slot() != null ? hsm.slot() : "index " + hsm.slotListIndex())
                                + "): not in this backup; the restored node needs the same token");
            } else {
                notes.put(name, "in the key-management service '" + kms.kms() + "': not in this backup");
            }
        }
    }

    Map<String, String> notes() {
        return notes;
    }

    /** The sealed key stores to copy, by their path in the data directory. */
    List<String> files() {
        return files;
    }
}
