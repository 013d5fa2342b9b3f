package io.selvedge.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 appendix B (SHA-1), and what the app and the server agree on. */
class OneTimeCodesTest {

    static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void theTestVectorsOfRfc6238(long seconds, String expected) {
        long step = OneTimeCodes.stepAt(Instant.ofEpochSecond(seconds));

        assertThat(OneTimeCodes.codeAt(RFC_KEY, step, 8)).isEqualTo(expected);
        assertThat(OneTimeCodes.codeAt(OneTimeCodes.base32(RFC_KEY), step)).isEqualTo(expected.substring(2));
    }

    @Test
    void base32RoundTripsAndSecretsAreTwentyBytes() {
        assertThat(OneTimeCodes.base32(RFC_KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        String secret = OneTimeCodes.newSecret();
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(OneTimeCodes.fromBase32(secret)).hasSize(20);
        assertThat(OneTimeCodes.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void oneStepOfDriftEitherSideIsAcceptedTwoAreNot() {
        String secret = OneTimeCodes.newSecret();
        Instant now = Instant.ofEpochSecond(1_700_000_010L);
        long step = OneTimeCodes.stepAt(now);

        assertThat(OneTimeCodes.matchingStep(secret, OneTimeCodes.codeAt(secret, step), now, Long.MIN_VALUE))
                .hasValue(step);
        assertThat(OneTimeCodes.matchingStep(secret, OneTimeCodes.codeAt(secret, step - 1), now, Long.MIN_VALUE))
                .hasValue(step - 1);
        assertThat(OneTimeCodes.matchingStep(secret, OneTimeCodes.codeAt(secret, step + 1), now, Long.MIN_VALUE))
                .hasValue(step + 1);
        assertThat(OneTimeCodes.matchingStep(secret, OneTimeCodes.codeAt(secret, step - 2), now, Long.MIN_VALUE))
                .isEmpty();
        assertThat(OneTimeCodes.matchingStep(secret, OneTimeCodes.codeAt(secret, step + 2), now, Long.MIN_VALUE))
                .isEmpty();
        assertThat(OneTimeCodes.matchingStep(secret, OneTimeCodes.codeAt(secret, step), now, step))
                .as("a step already used")
                .isEmpty();
        assertThat(OneTimeCodes.matchingStep(secret, "12345", now, Long.MIN_VALUE))
                .isEmpty();
        assertThat(OneTimeCodes.matchingStep(secret, null, now, Long.MIN_VALUE)).isEmpty();
    }
}
