package io.selvedge.crypto.kms;

import io.selvedge.crypto.CryptoProperties;
import io.selvedge.storage.StoreId;

/**
 * Makes the {@link KeyManagementService} of one store. Factories are beans of the crypto module; the
 * configuration chooses one per store by {@link #id()}.
 */
public interface KeyManagementServiceFactory {

    /** The id the configuration names: {@code local}, {@code pkcs11}... */
    String id();

    /**
     * Opens the service of a store, checking its settings first.
     *
     * @throws io.selvedge.platform.StartupRefusedException if the settings are missing or refused here
     *     (e.g. a development master key in production)
     */
    KeyManagementService open(StoreId store, CryptoProperties.Kms settings);
}
