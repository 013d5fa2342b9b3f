package io.selvedge.crypto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * The key-management settings ({@code selvedge.crypto.*}); see {@code docs/kms.md}. Secrets (the
 * passphrase, PINs) never appear in {@link #toString()}. One more setting, {@code selvedge.crypto.provider},
 * is read at start, before these are bound, by {@code crypto.internal.CryptoProviderSelection}.
 *
 * @param masterKeyFile a file holding at least 32 bytes of secret that seals the local key stores
 *     ({@code SELVEDGE_MASTER_KEY_FILE})
 * @param masterKeyPassphrase a passphrase that seals them instead, through Argon2id
 *     ({@code SELVEDGE_MASTER_KEY_PASSPHRASE})
 * @param keysetCacheTtl how long an unwrapped keyset stays cached before it is read again (so that a
 *     rotation or destruction on another node takes effect here within this time)
 * @param global the key-management service of the global directory
 * @param region the key-management service of each region, by region name; {@code local} when absent
 */
@Validated
@ConfigurationProperties("selvedge.crypto")
public record CryptoProperties(
        @Nullable Path masterKeyFile,
        @Nullable String masterKeyPassphrase,
        @NotNull @DefaultValue("30d") Duration shreddingGracePeriod,
        @NotNull @DefaultValue("1h") Duration shreddingCheckInterval,
        @NotNull @DefaultValue("5m") Duration keysetCacheTtl,
        @Min(1) @DefaultValue("200") int reEncryptionBatchSize,
        @Valid @DefaultValue Kms global,
        @Nullable Map<String, @Valid Kms> region) {

    /** Which key-management service holds a store's keys, and its settings. */
    public record Kms(
            @Pattern(regexp = "[a-z0-9-]+", message = "a KMS id is a lower-case word") @DefaultValue("local")
            String kms,

            @Valid @DefaultValue Pkcs11 pkcs11) {

        public static Kms local() {
            return new Kms("local", new Pkcs11(null, null, null, null));
        }
    }

    /**
     * A PKCS#11 token (HSM): the module's library, the token's slot id (or its index in the slot list)
     * and the user PIN.
     */
    public record Pkcs11(
            @Nullable Path library,
            @Nullable Long slot,
            @Nullable Integer slotListIndex,
            @Nullable String pin) {

        @Override
        public String toString() {
            return "Pkcs11[library=" + library + ", slot=" + slot + ", slotListIndex=" + slotListIndex + ", pin="
                    + (StringUtils.hasText(pin) ? "(set)" : "(none)") + "]";
        }
    }

    public Kms kmsOf(String regionName) {
        return region == null ? Kms.local() : region.getOrDefault(regionName, Kms.local());
    }

    public boolean hasMasterKeyFile() {
        return masterKeyFile != null && StringUtils.hasText(masterKeyFile.toString());
    }

    public boolean hasMasterKeyPassphrase() {
        return StringUtils.hasText(masterKeyPassphrase);
    }

    @Override
    public String toString() {
        return "CryptoProperties[masterKeyFile=" + masterKeyFile + ", masterKeyPassphrase="
                + (hasMasterKeyPassphrase() ? "(set)" : "(none)") + ", shreddingGracePeriod=" + shreddingGracePeriod
                + ", shreddingCheckInterval=" + shreddingCheckInterval + ", keysetCacheTtl=" + keysetCacheTtl
                + ", reEncryptionBatchSize="
                + reEncryptionBatchSize + ", global=" + global + ", region=" + region + "]";
    }
}
