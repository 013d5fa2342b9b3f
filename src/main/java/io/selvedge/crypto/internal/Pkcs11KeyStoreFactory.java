package io.selvedge.crypto.internal;

import io.selvedge.crypto.CryptoProperties;
import io.selvedge.crypto.kms.KeyManagementService;
import io.selvedge.crypto.kms.KeyManagementServiceFactory;
import io.selvedge.platform.StartupRefusedException;
import io.selvedge.storage.StoreId;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Opens {@code pkcs11} key stores from {@code selvedge.crypto.<store>.pkcs11.library}, {@code .slot}
 * (or {@code .slot-list-index}) and {@code .pin}.
 */
@Component
class Pkcs11KeyStoreFactory implements KeyManagementServiceFactory {

    @Override
    public String id() {
        return "pkcs11";
    }

    @Override
    public KeyManagementService open(StoreId store, CryptoProperties.Kms settings) {
        CryptoProperties.Pkcs11 pkcs11 = settings.pkcs11();
        String prefix = store.kind() == io.selvedge.storage.StoreKind.GLOBAL
                ? "selvedge.crypto.global.pkcs11"
                : "selvedge.crypto.region." + store.region() + ".pkcs11";
        if (pkcs11.library() == null || !Files.isReadable(pkcs11.library())) {
            throw new StartupRefusedException(
                    "the " + store + " store's keys are in a PKCS#11 token, but its library " + pkcs11.library()
                            + " cannot be read",
                    "Set " + prefix + ".library to the module of your HSM (e.g. /usr/lib/softhsm/libsofthsm2.so).");
        }
        if ((pkcs11.slot() == null) == (pkcs11.slotListIndex() == null) || !StringUtils.hasText(pkcs11.pin())) {
            throw new StartupRefusedException(
                    "the " + store + " store's PKCS#11 token needs one of slot and slot-list-index, and a PIN",
                    "Set " + prefix + ".slot (or .slot-list-index) and " + prefix + ".pin.");
        }
        String slot = pkcs11.slot() != null ? "slot=" + pkcs11.slot() : "slotListIndex=" + pkcs11.slotListIndex();
        try {
            return Pkcs11KeyStore.open(
                    store.name(),
                    pkcs11.library().toString(),
                    slot,
                    pkcs11.pin().toCharArray());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new StartupRefusedException(
                    "the " + store + " store's PKCS#11 token cannot be opened ("
                            + e.getClass().getSimpleName() + ")",
                    "Check " + prefix + ".library, .slot and .pin, and that the token is initialised.");
        }
    }
}
