package io.selvedge.crypto.internal;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import io.selvedge.crypto.Signatures;
import io.selvedge.storage.StoreId;
import java.security.GeneralSecurityException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** Ed25519 signatures with each store's signing keyset (Tink {@link PublicKeySign}/{@link PublicKeyVerify}). */
@Service
@RequiredArgsConstructor
class TinkSignatures implements Signatures {

    private final Keysets keysets;

    @Override
    public byte[] sign(StoreId store, byte[] data) {
        try {
            return keysets.signingKeys(store)
                    .getPrimitive(RegistryConfiguration.get(), PublicKeySign.class)
                    .sign(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with the " + store + " store's key", e);
        }
    }

    @Override
    public boolean verify(StoreId store, byte[] data, byte[] signature) {
        PublicKeyVerify verifier;
        try {
            KeysetHandle publicKeys = keysets.signingKeys(store).getPublicKeysetHandle();
            verifier = publicKeys.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the " + store + " store's signing key", e);
        }
        try {
            verifier.verify(signature, data);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
