package io.selvedge.crypto.internal;

import io.selvedge.crypto.CryptoProperties;
import io.selvedge.crypto.kms.KeyManagementService;
import io.selvedge.crypto.kms.KeyManagementServiceFactory;
import io.selvedge.platform.StartupRefusedException;
import io.selvedge.storage.StoreId;
import io.selvedge.storage.Stores;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The key-management service of every store, opened at start by the factory its configuration names,
 * and the store's current key-encrypting key: the highest {@code kek-<n>} (made on first start).
 */
@Component
class KeyEncryptionKeys implements DisposableBean {

    static final String KEK_PREFIX = "kek-";
    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKeys.class);

    private final Map<StoreId, KeyManagementService> services = new LinkedHashMap<>();
    private final Map<StoreId, String> current = new ConcurrentHashMap<>();

    KeyEncryptionKeys(Stores stores, CryptoProperties crypto, List<KeyManagementServiceFactory> factories) {
        Tink.register();
        Map<String, KeyManagementServiceFactory> byId =
                factories.stream().collect(Collectors.toMap(KeyManagementServiceFactory::id, factory -> factory));
        if (crypto.region() != null) {
            for (String region : crypto.region().keySet()) {
                if (!stores.regions().contains(region)) {
                    throw new StartupRefusedException(
                            "selvedge.crypto.region." + region + " configures the keys of a region this installation"
                                    + " does not have",
                            "Remove it, or add the region to selvedge.storage.regions " + stores.regions() + ".");
                }
            }
        }
        try {
            open(StoreId.GLOBAL, crypto.global(), byId);
            for (String region : stores.regions()) {
                open(StoreId.region(region), crypto.kmsOf(region), byId);
            }
        } catch (RuntimeException e) {
            destroy();
            throw e;
        }
    }

    private void open(StoreId store, CryptoProperties.Kms settings, Map<String, KeyManagementServiceFactory> byId) {
        KeyManagementServiceFactory factory = byId.get(settings.kms());
        if (factory == null) {
            throw new StartupRefusedException(
                    "the keys of the " + store + " store are configured in a KMS named '" + settings.kms()
                            + "', which this build does not have",
                    "Use one of " + byId.keySet() + ".");
        }
        KeyManagementService service = factory.open(store, settings);
        services.put(store, service);
        try {
            String kek = newestKek(service.names());
            if (kek == null) {
                kek = KEK_PREFIX + 1;
                service.create(kek);
                log.info("Created the key-encrypting key {} of the {} store in {}", kek, store, service.describe());
            }
            current.put(store, kek);
        } catch (GeneralSecurityException e) {
            throw new StartupRefusedException(
                    "the key-encrypting key of the " + store + " store cannot be read from " + service.describe() + " ("
                            + e.getClass().getSimpleName() + ")",
                    "Check the KMS settings of the store (selvedge.crypto.*).");
        }
        log.info("Keys of the {} store: {} ({})", store, service.describe(), current.get(store));
    }

    KeyManagementService of(StoreId store) {
        KeyManagementService service = services.get(store);
        if (service == null) {
            throw new IllegalArgumentException("No key-management service for the " + store + " store");
        }
        return service;
    }

    /** The key-encrypting key that wraps new keysets of the store. */
    String currentKek(StoreId store) {
        return current.get(store);
    }

    /** Adds a new version of the store's key-encrypting key and makes it current; returns its name. */
    synchronized String addKekVersion(StoreId store) throws GeneralSecurityException {
        KeyManagementService service = of(store);
        String newest = newestKek(service.names());
        String next = KEK_PREFIX + (newest == null ? 1 : versionOf(newest) + 1);
        service.create(next);
        current.put(store, next);
        log.info("Created the key-encrypting key {} of the {} store", next, store);
        return next;
    }

    /** Re-reads the current key-encrypting key (another process may have rotated it). */
    void refresh(StoreId store) throws GeneralSecurityException {
        String newest = newestKek(of(store).names());
        if (newest != null) {
            current.put(store, newest);
        }
    }

    Set<StoreId> stores() {
        return services.keySet();
    }

    static String newestKek(Set<String> names) {
        return names.stream()
                .filter(name -> name.matches(KEK_PREFIX + "[0-9]+"))
                .max((a, b) -> Integer.compare(versionOf(a), versionOf(b)))
                .orElse(null);
    }

    private static int versionOf(String kekName) {
        return Integer.parseInt(kekName.substring(KEK_PREFIX.length()));
    }

    @Override
    public void destroy() {
        services.values().forEach(KeyManagementService::close);
    }
}
