package io.selvedge.crypto.internal;

import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.signature.SignatureConfig;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.security.GeneralSecurityException;

/** Registers the Tink primitives Selvedge uses, once per process. */
final class Tink {

    private static boolean registered;

    private Tink() {}

    static synchronized void register() {
        if (registered) {
            return;
        }
        try {
            AeadConfig.register();
            StreamingAeadConfig.register();
            PrfConfig.register();
            SignatureConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot register Tink's primitives", e);
        }
        registered = true;
    }
}
