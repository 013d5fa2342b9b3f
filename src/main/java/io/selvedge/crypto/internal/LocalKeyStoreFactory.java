package io.selvedge.crypto.internal;

import io.selvedge.crypto.CryptoProperties;
import io.selvedge.crypto.kms.KeyManagementService;
import io.selvedge.crypto.kms.KeyManagementServiceFactory;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.StartupRefusedException;
import io.selvedge.storage.StoreId;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Opens {@code local} key stores: {@code <data-dir>/keys/<store>.kek}, sealed under the master key. */
@Component
@RequiredArgsConstructor
class LocalKeyStoreFactory implements KeyManagementServiceFactory, DisposableBean {

    private final CryptoProperties crypto;
    private final PlatformProperties platform;
    private MasterKey master;

    @Override
    public String id() {
        return "local";
    }

    @Override
    public KeyManagementService open(StoreId store, CryptoProperties.Kms settings) {
        Path file = platform.dataDir().resolve("keys").resolve(store.name() + ".kek");
        LocalKeyStore keyStore;
        try {
            keyStore = LocalKeyStore.open(file, store.name(), masterKey());
        } catch (GeneralSecurityException | IOException e) {
            throw new StartupRefusedException(
                    "the local key store " + file + " cannot be opened with the master key given ("
                            + e.getClass().getSimpleName() + ")",
                    "Start with the master key (SELVEDGE_MASTER_KEY_FILE or SELVEDGE_MASTER_KEY_PASSPHRASE) the key"
                            + " store was sealed under.");
        }
        if (platform.environment().isProduction() && keyStore.sealedUnderDevelopmentKey()) {
            keyStore.close();
            throw new StartupRefusedException(
                    "the local key store " + file + " is sealed under a development master key, which production"
                            + " refuses",
                    "Use key stores made for production, sealed under a master key of your own.");
        }
        return keyStore;
    }

    private synchronized MasterKey masterKey() {
        if (master == null) {
            master = MasterKey.resolve(crypto, platform);
        }
        return master;
    }

    @Override
    public synchronized void destroy() {
        if (master != null) {
            master.wipe();
        }
    }
}
