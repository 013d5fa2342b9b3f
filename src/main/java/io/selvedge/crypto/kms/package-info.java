/**
 * The key-management SPI: where the key-encrypting keys live. Implementations stay inside the crypto
 * module; see {@link io.selvedge.crypto.kms.KeyManagementService}.
 */
@org.jspecify.annotations.NullMarked
package io.selvedge.crypto.kms;
