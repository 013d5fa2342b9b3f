package io.selvedge.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.crypto.FieldCipher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every style a query term matches carries the term's token (so search never misses a match), whatever
 * the letters: diacritics, other scripts, characters outside the BMP, upper case.
 */
@Tag("store-independent")
class SearchTokensTest {

    private static final String LETTERS = "abcdeéèêëçñøåæßıİžźœ東京𝔘𝔫ü0123456789";

    @Test
    void everyPrefixOfAWordFindsTheStyleThatHasIt() {
        Random random = new Random(6);
        for (int i = 0; i < 2000; i++) {
            String word = word(random);
            short[] style = SearchTokens.of(HASHES, "Style " + word, "", List.of());
            for (String term : StyleLookupService.words(word)) {
                for (int length = 1; length <= term.length(); length++) {
                    for (short token : SearchTokens.ofQuery(HASHES, List.of(term.substring(0, length)))) {
                        assertThat(style)
                                .as("%s in %s", term.substring(0, length), word)
                                .contains(token);
                    }
                }
            }
        }
    }

    @Test
    void termsOfOneOrTwoCharactersHaveNoToken() {
        assertThat(SearchTokens.ofQuery(HASHES, List.of("a", "xs"))).isEmpty();
        assertThat(SearchTokens.ofQuery(HASHES, List.of("a", "den"))).hasSize(1);
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder();
        int length = 1 + random.nextInt(9);
        int[] letters = LETTERS.codePoints().toArray();
        for (int i = 0; i < length; i++) {
            int letter = letters[random.nextInt(letters.length)];
            word.appendCodePoint(random.nextInt(4) == 0 ? Character.toUpperCase(letter) : letter);
        }
        return word.toString();
    }

    /** Only the blind index is used: a plain hash stands in for the keyed one. */
    private static final FieldCipher HASHES = new FieldCipher() {
        @Override
        public byte[] blindIndex(String index, String normalisedValue) {
            try {
                return MessageDigest.getInstance("SHA-256")
                        .digest((index + "\n" + normalisedValue).getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public byte[] encrypt(byte[] plaintext, String table, String column, String rowId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] decrypt(byte[] ciphertext, String table, String column, String rowId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String encryptText(String plaintext, String table, String column, String rowId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String decryptText(String ciphertext, String table, String column, String rowId) {
            throw new UnsupportedOperationException();
        }
    };
}
