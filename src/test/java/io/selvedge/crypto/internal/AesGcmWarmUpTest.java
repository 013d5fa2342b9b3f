package io.selvedge.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AesGcmWarmUpTest {

    @Test
    void roundTripsEveryCallAndCountsThem() throws Exception {
        assertThat(AesGcmWarmUp.run(300)).isEqualTo(300);
    }
}
