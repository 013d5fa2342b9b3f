package io.selvedge.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Recovery codes: 16 random Base32 characters (80 bits) shown as four groups, so that an unsalted SHA-256
 * (bound to the account) is enough to keep them; dashes, spaces and case do not matter when typed.
 */
final class RecoveryCodes {

    static final int COUNT = 10;

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {}

    static List<String> generate() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 16; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** True when the text has a recovery code's shape, once normalised. */
    static boolean looksLikeOne(String text) {
        return text != null && normalise(text).length() == 16;
    }

    static String hash(UUID accountId, String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("recovery:" + accountId + ":" + normalise(code)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String normalise(String code) {
        return code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
