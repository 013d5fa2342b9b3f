package io.selvedge.crypto.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import io.selvedge.crypto.CryptoProperties;
import io.selvedge.crypto.KeyStatus;
import io.selvedge.crypto.KeysDestroyedException;
import io.selvedge.crypto.kms.KeyManagementService;
import io.selvedge.crypto.kms.KeyNotFoundException;
import io.selvedge.storage.GroupResidency;
import io.selvedge.storage.StoreId;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every owner's keysets: made, wrapped, stored, unwrapped and cached here.
 *
 * <p>A stored keyset is wrapped twice: first by the owner's own key in the store's KMS
 * ({@code group-<uuid>}, Tink's encrypted keyset format), then by the store's key-encrypting key
 * ({@code kek-<n>}). Rotating the KEK re-wraps the outer layer only; destroying the owner's key in the
 * KMS shreds the owner, in the live stores and in every copy of them alike.
 */
@Component
class Keysets {

    private static final Logger log = LoggerFactory.getLogger(Keysets.class);

    private final KeyEncryptionKeys keks;
    private final WrappedKeysets table;
    private final GroupResidency residency;
    private final Clock clock;
    private final CryptoProperties crypto;
    private final Map<UUID, OwnerKeys> cache = new ConcurrentHashMap<>();
    private final Map<StoreId, KeysetHandle> signers = new ConcurrentHashMap<>();

    Keysets(
            KeyEncryptionKeys keks,
            WrappedKeysets table,
            GroupResidency residency,
            Clock clock,
            CryptoProperties crypto) {
        Tink.register();
        this.keks = keks;
        this.table = table;
        this.residency = residency;
        this.clock = clock;
        this.crypto = crypto;
        if (table.status(StoreId.GLOBAL, KeyOwner.DIRECTORY_ID).state() == KeyStatus.State.NONE) {
            create(KeyOwner.DIRECTORY);
            log.info("Created the keysets of the global directory");
        }
    }

    KeyOwner ownerOf(UUID groupId) {
        return new KeyOwner(groupId, StoreId.region(residency.regionOf(groupId)));
    }

    /** The owner's keys, from the cache while they are fresh. */
    OwnerKeys keysOf(KeyOwner owner) {
        OwnerKeys keys = cache.get(owner.id());
        if (keys != null && keys.loadedAt().plus(crypto.keysetCacheTtl()).isAfter(clock.instant())) {
            return keys;
        }
        return reload(owner);
    }

    /** The owner's keys read from the store again, e.g. after a ciphertext did not match the cached keys. */
    OwnerKeys reload(KeyOwner owner) {
        OwnerKeys keys = load(owner);
        cache.put(owner.id(), keys);
        return keys;
    }

    void evict(UUID ownerId) {
        cache.remove(ownerId);
        if (KeyOwner.SIGNER_ID.equals(ownerId)) {
            signers.clear();
        }
    }

    KeyStatus status(KeyOwner owner) {
        return table.status(owner.store(), owner.id());
    }

    /** Makes the owner's key in the KMS and its keysets, stored wrapped, in one transaction. */
    void create(KeyOwner owner) {
        KeyManagementService kms = keks.of(owner.store());
        if (table.status(owner.store(), owner.id()).state() != KeyStatus.State.NONE) {
            throw new IllegalStateException("The keys of " + describe(owner) + " exist already, or were destroyed");
        }
        try {
            keks.refresh(owner.store());
            if (!kms.names().contains(owner.kmsKeyName())) {
                kms.create(owner.kmsKeyName());
            } // else left by a creation that stopped before its rows were written
            String kek = keks.currentKek(owner.store());
            Map<Purpose, byte[]> wrapped = new EnumMap<>(Purpose.class);
            for (Purpose purpose : Purpose.ownerKeysets()) {
                wrapped.put(purpose, wrap(owner, purpose, KeysetHandle.generateNew(purpose.parameters()), kek));
            }
            table.inTransaction(owner.store(), () -> {
                if (!table.addOwner(owner.store(), owner.id())) {
                    throw new IllegalStateException("The keys of " + describe(owner) + " exist already");
                }
                wrapped.forEach((purpose, bytes) -> table.insert(owner.store(), owner.id(), purpose, kek, bytes));
            });
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create the keys of " + describe(owner), e);
        }
    }

    /**
     * Adds a new primary key to each rotating keyset of the owner; the old keys stay for decryption.
     * Each row is swapped by compare-and-set, retried if another node changed it meanwhile.
     */
    void addPrimaryKeys(KeyOwner owner) {
        for (Purpose purpose : Purpose.ownerKeysets()) {
            if (!purpose.rotates()) {
                continue;
            }
            for (int attempt = 1; ; attempt++) {
                WrappedKeysets.Row row = table.find(owner.store(), owner.id(), purpose)
                        .orElseThrow(() -> new IllegalStateException(describe(owner) + " has no keys"));
                try {
                    keks.refresh(owner.store());
                    KeysetHandle rotated = KeysetHandle.newBuilder(unwrap(owner, row))
                            .addEntry(KeysetHandle.generateEntryFromParameters(purpose.parameters())
                                    .withRandomId()
                                    .makePrimary())
                            .build();
                    String kek = keks.currentKek(owner.store());
                    if (table.swap(owner.store(), row, kek, wrap(owner, purpose, rotated, kek))) {
                        break;
                    }
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("Cannot rotate the keys of " + describe(owner), e);
                }
                if (attempt == 3) {
                    throw new IllegalStateException("The keys of " + describe(owner) + " keep changing; try again");
                }
            }
        }
        evict(owner.id());
    }

    /**
     * Destroys the old keys of each rotating keyset of the owner, leaving its primary key alone: once a
     * rotation's re-encryption has finished, what was under an old key no longer reads. Swapped by
     * compare-and-set, like {@link #addPrimaryKeys}. No command calls it yet: the tests use it to prove a
     * rotation left nothing under the old keys.
     */
    void destroyOldKeys(KeyOwner owner) {
        for (Purpose purpose : Purpose.ownerKeysets()) {
            if (!purpose.rotates()) {
                continue;
            }
            WrappedKeysets.Row row = table.find(owner.store(), owner.id(), purpose)
                    .orElseThrow(() -> new IllegalStateException(describe(owner) + " has no keys"));
            try {
                keks.refresh(owner.store());
                KeysetHandle.Builder kept = KeysetHandle.newBuilder(unwrap(owner, row));
                for (int i = kept.size() - 1; i >= 0; i--) {
                    if (!kept.getAt(i).isPrimary()) {
                        kept.deleteAt(i);
                    }
                }
                String kek = keks.currentKek(owner.store());
                if (!table.swap(owner.store(), row, kek, wrap(owner, purpose, kept.build(), kek))) {
                    throw new IllegalStateException("The keys of " + describe(owner) + " changed meanwhile");
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot destroy the old keys of " + describe(owner), e);
            }
        }
        evict(owner.id());
    }

    /**
     * Crypto-shredding: destroys the owner's key in the KMS (what makes every copy of the wrapped keysets
     * useless, backups included), then deletes the wrapped keysets and drops the cached ones.
     */
    void shred(KeyOwner owner) throws GeneralSecurityException {
        evict(owner.id());
        keks.of(owner.store()).destroy(owner.kmsKeyName());
        table.deleteKeysets(owner.store(), owner.id());
        evict(owner.id());
    }

    /** Re-wraps the outer layer of one row under {@code newKek}; the keyset itself is never unwrapped. */
    boolean rewrap(StoreId store, WrappedKeysets.Row row, String newKek) throws GeneralSecurityException {
        KeyOwner owner = new KeyOwner(row.ownerId(), store);
        KeyManagementService kms = keks.of(store);
        byte[] associatedData = owner.associatedData(row.purpose());
        byte[] inner = kms.aead(row.kekName()).decrypt(row.wrapped(), associatedData);
        return table.swap(store, row, newKek, kms.aead(newKek).encrypt(inner, associatedData));
    }

    private OwnerKeys load(KeyOwner owner) {
        KeyStatus status = table.status(owner.store(), owner.id());
        if (status.state() == KeyStatus.State.DESTROYED) {
            throw new KeysDestroyedException(owner.id());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Map<Purpose, KeysetHandle> handles = new EnumMap<>(Purpose.class);
                Map<Purpose, Long> revisions = new EnumMap<>(Purpose.class);
                for (Purpose purpose : Purpose.ownerKeysets()) {
                    WrappedKeysets.Row row = table.find(owner.store(), owner.id(), purpose)
                            .orElseThrow(() -> status.state() == KeyStatus.State.NONE
                                    ? new IllegalStateException(describe(owner) + " has no keys: create them first")
                                    : new KeysDestroyedException(owner.id()));
                    handles.put(purpose, unwrap(owner, row));
                    revisions.put(purpose, row.revision());
                }
                return new OwnerKeys(owner, handles, revisions, clock.instant());
            } catch (KeyNotFoundException e) {
                if (!isKek(e, owner) || attempt == 2) {
                    throw new KeysDestroyedException(owner.id());
                }
                // the row was read just before a KEK rotation re-wrapped it and retired its KEK: read it again
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The keys of " + describe(owner) + " cannot be unwrapped", e);
            }
        }
    }

    /**
     * The store's signing keyset, made (and stored wrapped like the others) on first use. Two nodes making
     * it at once: the second finds the first's row and uses it.
     */
    KeysetHandle signingKeys(StoreId store) {
        KeysetHandle cached = signers.get(store);
        if (cached != null) {
            return cached;
        }
        KeyOwner owner = KeyOwner.signer(store);
        try {
            Optional<WrappedKeysets.Row> row = table.find(store, owner.id(), Purpose.SIGNING);
            if (row.isEmpty()) {
                KeyManagementService kms = keks.of(store);
                keks.refresh(store);
                if (!kms.names().contains(owner.kmsKeyName())) {
                    kms.create(owner.kmsKeyName());
                }
                String kek = keks.currentKek(store);
                byte[] wrapped =
                        wrap(owner, Purpose.SIGNING, KeysetHandle.generateNew(Purpose.SIGNING.parameters()), kek);
                table.inTransaction(store, () -> {
                    if (table.addOwner(store, owner.id())) {
                        table.insert(store, owner.id(), Purpose.SIGNING, kek, wrapped);
                    }
                });
                row = table.find(store, owner.id(), Purpose.SIGNING);
            }
            KeysetHandle handle = unwrap(
                    owner,
                    row.orElseThrow(() -> new IllegalStateException("The " + store + " store has no signing keys")));
            signers.put(store, handle);
            return handle;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the signing keys of the " + store + " store", e);
        }
    }

    private boolean isKek(KeyNotFoundException e, KeyOwner owner) {
        return !e.name().equals(owner.kmsKeyName());
    }

    private byte[] wrap(KeyOwner owner, Purpose purpose, KeysetHandle handle, String kek)
            throws GeneralSecurityException {
        KeyManagementService kms = keks.of(owner.store());
        byte[] associatedData = owner.associatedData(purpose);
        byte[] inner =
                TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, kms.aead(owner.kmsKeyName()), associatedData);
        return kms.aead(kek).encrypt(inner, associatedData);
    }

    private KeysetHandle unwrap(KeyOwner owner, WrappedKeysets.Row row) throws GeneralSecurityException {
        KeyManagementService kms = keks.of(owner.store());
        byte[] associatedData = owner.associatedData(row.purpose());
        Aead kek = kms.aead(row.kekName());
        byte[] inner = kek.decrypt(row.wrapped(), associatedData);
        return TinkProtoKeysetFormat.parseEncryptedKeyset(inner, kms.aead(owner.kmsKeyName()), associatedData);
    }

    private static String describe(KeyOwner owner) {
        return owner.isDirectory() ? "the global directory" : "group " + owner.id();
    }

    Instant now() {
        return clock.instant();
    }
}
