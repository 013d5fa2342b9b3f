package io.selvedge.crypto.kms;

import com.google.crypto.tink.Aead;
import java.security.GeneralSecurityException;
import java.util.Set;

/**
 * Holds the key-encrypting keys of one store (a region, or the global directory): named AES-256 keys
 * that wrap Tink keysets and never wrap anything else. One instance per store, made by the
 * {@link KeyManagementServiceFactory} its configuration names ({@code selvedge.crypto.region.<r>.kms}).
 *
 * <p>Keys by name: {@code kek-<n>}, the store's key-encrypting key in its n-th version (the highest is
 * current; {@code keys rotate-kek} adds one), and {@code group-<uuid>}, one per group, whose destruction
 * shreds the group (see {@code docs/kms.md}).
 *
 * <p>The contract:
 *
 * <ul>
 *   <li>{@link #aead} never returns null; its {@code encrypt}/{@code decrypt} authenticate the associated
 *       data and fail with a {@link GeneralSecurityException} on any altered byte. Where the backend
 *       allows, the key material never leaves it (an HSM, a cloud KMS): the returned {@code Aead} is a
 *       handle that asks the backend.
 *   <li>{@link #destroy} is final: once it returns, no copy of the key held by this service can
 *       decrypt, and {@link #aead} for the name throws {@link KeyNotFoundException}.
 *   <li>Instances are thread-safe. {@link #close} releases sessions and wipes cached key material; the
 *       application closes every instance when it stops.
 *   <li>Nothing here logs or prints key material, PINs or passphrases.
 * </ul>
 *
 * <p>A cloud KMS plugs in as a third implementation: an {@code aws-kms} or {@code gcp-kms} factory
 * whose {@code aead} is Tink's {@code KmsClient.getAead(keyUri)} (modules {@code tink-awskms},
 * {@code tink-gcpkms}) for the key URI configured per name prefix, {@code create} makes a KMS key (or key
 * version) and {@code destroy} schedules its deletion with the provider's shortest waiting period.
 */
public interface KeyManagementService extends AutoCloseable {

    /**
     * The named key as an AEAD.
     *
     * @throws KeyNotFoundException if there is no such key, or it was destroyed
     */
    Aead aead(String name) throws GeneralSecurityException;

    /**
     * Creates a new random AES-256 key under {@code name}, generated inside the backend where it can.
     *
     * @throws GeneralSecurityException if a key of that name exists already
     */
    void create(String name) throws GeneralSecurityException;

    /** Destroys the named key for good; does nothing if it does not exist. */
    void destroy(String name) throws GeneralSecurityException;

    /** The names of the keys this service holds. */
    Set<String> names() throws GeneralSecurityException;

    /** Where the keys are, for messages and the operator (no secrets): a file, a token... */
    String describe();

    @Override
    void close();
}
