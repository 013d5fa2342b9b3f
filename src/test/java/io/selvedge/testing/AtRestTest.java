package io.selvedge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass search of many needles finds exactly what the plain search finds. */
class AtRestTest {

    @Test
    void findsANeedleAnywhereAndOnlyWhereItIs() {
        AtRest.Needles needles = new AtRest.Needles(List.of(bytes("MARKER-1"), bytes("MASK"), new byte[] {7}));

        assertThat(needles.foundIn(bytes("MARKER-1 at the start"))).isTrue();
        assertThat(needles.foundIn(bytes("at the end MARKER-1"))).isTrue();
        assertThat(needles.foundIn(bytes("MARKER-2 MAS MASK"))).isTrue();
        assertThat(needles.foundIn(bytes("MARKER-2 MAS MASQUE MARKER-"))).isFalse();
        assertThat(needles.foundIn(new byte[] {1, 7, 1})).isTrue();
        assertThat(needles.foundIn(new byte[0])).isFalse();
    }

    @Test
    void agreesWithThePlainSearchOnRandomBytes() {
        Random random = new Random(42);
        byte[] haystack = new byte[200_000];
        random.nextBytes(haystack);
        for (int attempt = 0; attempt < 200; attempt++) {
            byte[] needle = new byte[2 + random.nextInt(4)];
            int at = random.nextInt(haystack.length - needle.length);
            System.arraycopy(haystack, at, needle, 0, needle.length);
            if (attempt % 2 == 0) {
                needle[needle.length - 1] ^= 0x5a; // most likely nowhere
            }
            assertThat(new AtRest.Needles(List.of(needle)).foundIn(haystack))
                    .isEqualTo(AtRest.contains(haystack, needle));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
