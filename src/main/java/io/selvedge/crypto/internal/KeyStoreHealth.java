package io.selvedge.crypto.internal;

import com.google.crypto.tink.Aead;
import io.selvedge.crypto.CryptoProperties;
import io.selvedge.crypto.kms.KeyManagementService;
import io.selvedge.storage.StoreId;
import io.selvedge.storage.StoreKind;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health of each store's key-management service on the management port ({@code keys/<store>}): the
 * local key store file still unseals under the master key, or the PKCS#11 token still answers, and its
 * newest key-encrypting key wraps and unwraps a random probe. Nothing secret is logged or shown.
 */
@Configuration(proxyBeanMethods = false)
class KeyStoreHealth {

    private static final Logger log = LoggerFactory.getLogger(KeyStoreHealth.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Bean
    CompositeHealthContributor keysHealthContributor(KeyEncryptionKeys keks, CryptoProperties crypto) {
        Map<String, HealthIndicator> perStore = new LinkedHashMap<>();
        for (StoreId store : keks.stores()) {
            String kmsId = store.kind() == StoreKind.GLOBAL
                    ? crypto.global().kms()
                    : crypto.kmsOf(store.region()).kms();
            perStore.put(store.name(), () -> check(store, kmsId, keks.of(store)));
        }
        return CompositeHealthContributor.fromMap(perStore);
    }

    static Health check(StoreId store, String kmsId, KeyManagementService kms) {
        Health.Builder health = Health.up();
        String kek = null;
        try {
            kek = KeyEncryptionKeys.newestKek(kms.names()); // re-reads the key store file, or asks the token
            if (kek == null) {
                health = Health.down().withDetail("keyStore", "no key-encrypting key");
            } else if (!probe(kms.aead(kek), store)) {
                health = Health.down().withDetail("keyStore", "the key-encrypting key does not unwrap its probe");
            } else {
                health.withDetail("keyStore", "unsealed");
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            log.warn(
                    "The key store of the {} store is not usable: {}",
                    store,
                    e.getClass().getSimpleName());
            health = Health.down().withDetail("keyStore", "sealed or unreachable");
        }
        return health.withDetail("kms", kmsId)
                .withDetail("keyEncryptionKey", kek == null ? "none" : kek)
                .withDetail("location", kms.describe())
                .build();
    }

    /** Wraps and unwraps a random probe, as a keyset would be. */
    private static boolean probe(Aead kek, StoreId store) throws GeneralSecurityException {
        byte[] probe = new byte[32];
        RANDOM.nextBytes(probe);
        byte[] associatedData = ("selvedge/health-probe/" + store.name()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(kek.decrypt(kek.encrypt(probe, associatedData), associatedData), probe);
    }
}
