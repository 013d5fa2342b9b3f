package io.selvedge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.identity.IdentityProperties;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    final SignInThrottle throttle = new SignInThrottle(
            null,
            null,
            new IdentityProperties(
                    UnknownSignInNamesTest.signInWithUnknownNames("10/10m", "100/1m"),
                    new IdentityProperties.Sessions(Duration.ofMinutes(30), Duration.ofHours(12)),
                    new IdentityProperties.Tokens(
                            Duration.ofDays(90), Duration.ofDays(365), Duration.ofSeconds(10), Duration.ofMinutes(1))),
            Clock.systemUTC(),
            null);

    @Test
    void eachFurtherFailureDoublesTheWaitUpToFifteenMinutes() {
        assertThat(throttle.delayAfter(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delayAfter(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(throttle.delayAfter(9)).isEqualTo(Duration.ofSeconds(512));
        assertThat(throttle.delayAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }
}
