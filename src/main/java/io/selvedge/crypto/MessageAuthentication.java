package io.selvedge.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 for what the installation signs towards receivers outside it (signed webhooks), with a secret
 * the receiver shares: the one place outside Tink that computes a MAC, kept here with the other key material.
 */
public final class MessageAuthentication {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MessageAuthentication() {}

    /** The lower-case hex of HMAC-SHA256 of {@code message} under {@code secret}. */
    public static String hmacSha256Hex(byte[] secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** A new random secret of 32 bytes, as 64 hex digits (shown once to whoever configures the receiver). */
    public static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }
}
