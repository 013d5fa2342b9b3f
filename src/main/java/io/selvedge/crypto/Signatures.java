package io.selvedge.crypto;

import io.selvedge.storage.StoreId;

/**
 * Digital signatures under a store's own signing key (Ed25519), kept like the other keysets: wrapped by
 * the store's key-encrypting key, made on first use. The audit trail seals its chain heads with it.
 */
public interface Signatures {

    /** The signature of {@code data} under the store's signing key. */
    byte[] sign(StoreId store, byte[] data);

    /** Whether {@code signature} is a signature of {@code data} under the store's signing key. */
    boolean verify(StoreId store, byte[] data, byte[] signature);
}
