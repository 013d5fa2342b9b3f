package io.selvedge.crypto.internal;

import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;

/** The keysets every owner has, one per use. */
@RequiredArgsConstructor
enum Purpose {
    FIELDS(PredefinedAeadParameters.AES256_GCM, true),
    FILES(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB, true),
    /** Blind indexes: an HMAC-SHA256 PRF. Never rotated, or stored indexes would stop matching. */
    INDEX(PredefinedPrfParameters.HMAC_SHA256_PRF, false),
    /** A store's signing key (Ed25519), owned by {@link KeyOwner#signer}; never rotated, so old seals verify. */
    SIGNING(PredefinedSignatureParameters.ED25519, false);

    private static final List<Purpose> OWNER_KEYSETS = List.of(FIELDS, FILES, INDEX);

    private final Parameters parameters;
    private final boolean rotates;

    /** The keysets every group (and the directory) has; the signer has only {@link #SIGNING}. */
    static List<Purpose> ownerKeysets() {
        return OWNER_KEYSETS;
    }

    Parameters parameters() {
        return parameters;
    }

    boolean rotates() {
        return rotates;
    }

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Purpose of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
