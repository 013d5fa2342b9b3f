package io.selvedge.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * The shape of an API token, like GitHub's: {@code slvdg_}, 30 random base62 characters (178 bits from
 * {@link SecureRandom}), and 6 base62 characters of the CRC32 of those 30, so that secret scanners can
 * recognise a token and tell a real one from a lookalike without asking us. Tokens are random enough that
 * a plain SHA-256 is the right hash to store (no salt or work factor is needed to resist guessing).
 */
final class ApiTokenSecrets {

    static final String PREFIX = "slvdg_";
    static final int RANDOM_LENGTH = 30;
    static final int CHECKSUM_LENGTH = 6;
    static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenSecrets() {}

    static String generate() {
        StringBuilder token = new StringBuilder(LENGTH).append(PREFIX);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            token.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return token.append(checksum(token.substring(PREFIX.length()))).toString();
    }

    /** True for a string of the token's shape with a matching checksum; says nothing of its validity. */
    static boolean wellFormed(String candidate) {
        if (candidate == null || candidate.length() != LENGTH || !candidate.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            if (BASE62.indexOf(candidate.charAt(i)) < 0) {
                return false;
            }
        }
        String random = candidate.substring(PREFIX.length(), PREFIX.length() + RANDOM_LENGTH);
        return checksum(random).equals(candidate.substring(PREFIX.length() + RANDOM_LENGTH));
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String checksum(String random) {
        CRC32 crc = new CRC32();
        crc.update(random.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(digits);
    }
}
