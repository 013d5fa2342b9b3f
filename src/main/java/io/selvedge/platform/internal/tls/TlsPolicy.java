package io.selvedge.platform.internal.tls;

import org.springframework.boot.ssl.SslOptions;

/**
 * The only protocols and suites the server speaks: TLS 1.3 and 1.2, forward-secret key exchange and
 * AEAD ciphers. No CBC, no static RSA key exchange, no SHA-1 MACs.
 */
final class TlsPolicy {

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    static final String[] CIPHER_SUITES = {
        "TLS_AES_256_GCM_SHA384",
        "TLS_AES_128_GCM_SHA256",
        "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
    };

    static final SslOptions OPTIONS = SslOptions.of(CIPHER_SUITES, PROTOCOLS);

    private TlsPolicy() {}
}
