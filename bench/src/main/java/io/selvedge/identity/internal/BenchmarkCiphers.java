package io.selvedge.identity.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.FieldCiphers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

/**
 * Field ciphers for benchmarks: the same Tink primitives as the application's (AES256-GCM, HMAC-SHA256
 * PRF), on keys made in memory for the run instead of the key stores.
 */
final class BenchmarkCiphers implements FieldCiphers, FieldCipher {

    private final Aead fields;
    private final PrfSet index;

    BenchmarkCiphers() {
        try {
            AeadConfig.register();
            PrfConfig.register();
            fields = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
            index = KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF)
                    .getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public FieldCipher of(UUID groupId) {
        return this;
    }

    @Override
    public FieldCipher directory() {
        return this;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, String table, String column, String rowId) {
        try {
            return fields.encrypt(plaintext, associatedData(table, column, rowId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, String table, String column, String rowId) {
        try {
            return fields.decrypt(ciphertext, associatedData(table, column, rowId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String encryptText(String plaintext, String table, String column, String rowId) {
        return Base64.getEncoder()
                .encodeToString(encrypt(plaintext.getBytes(StandardCharsets.UTF_8), table, column, rowId));
    }

    @Override
    public String decryptText(String ciphertext, String table, String column, String rowId) {
        return new String(decrypt(Base64.getDecoder().decode(ciphertext), table, column, rowId), StandardCharsets.UTF_8);
    }

    @Override
    public byte[] blindIndex(String index, String normalisedValue) {
        try {
            return this.index.computePrimary((index + "\n" + normalisedValue).getBytes(StandardCharsets.UTF_8), 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] associatedData(String table, String column, String rowId) {
        return (table + "\n" + column + "\n" + rowId).getBytes(StandardCharsets.UTF_8);
    }
}
