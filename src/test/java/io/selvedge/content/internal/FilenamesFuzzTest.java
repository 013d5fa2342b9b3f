package io.selvedge.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Whatever name a client gives a file (in {@code Upload-Metadata} or a form), what is stored and sent back
 * is one safe path segment: not empty, no dot name, no separators, no control, format or line-breaking
 * characters, at most {@value Filenames#MAX} code points, and already in its final form (made safe again,
 * it does not change). Corpus: {@code FilenamesFuzzTestInputs/}.
 */
class FilenamesFuzzTest {

    @FuzzTest
    void anyNameBecomesOneSafePathSegment(byte[] data) {
        String raw = new String(data, StandardCharsets.UTF_8);
        String safe = Filenames.safe(raw);
        assertThat(safe).isNotEmpty().doesNotStartWith(".").doesNotContain("/", "\\");
        assertThat(safe).isEqualTo(safe.strip());
        assertThat(safe.codePointCount(0, safe.length())).isLessThanOrEqualTo(Filenames.MAX);
        assertThat(safe.codePoints()).allMatch(FilenamesFuzzTest::printable);
        assertThat(Filenames.safe(safe)).isEqualTo(safe);
    }

    private static boolean printable(int codePoint) {
        int type = Character.getType(codePoint);
        return !Character.isISOControl(codePoint)
                && type != Character.FORMAT
                && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.SURROGATE
                && type != Character.UNASSIGNED;
    }
}
