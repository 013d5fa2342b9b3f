package io.selvedge.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecurityPolicyWeakenedTest {

    private final UUID group = UUID.randomUUID();

    private SecurityPolicy policy(
            boolean mfa, Duration idle, boolean passwords, List<String> allowList, boolean linksForAnyone) {
        return new SecurityPolicy(group, mfa, idle, null, passwords, allowList, linksForAnyone, 1, null, null);
    }

    @Test
    void everyLooseningIsNamed() {
        SecurityPolicy strict = policy(true, Duration.ofMinutes(15), false, List.of("192.0.2.0/24"), false);
        SecurityPolicy loose = policy(false, null, true, List.of(), true);

        assertThat(strict.weakenedIn(loose))
                .containsExactly(
                        "MFA no longer required",
                        "password sign-in allowed",
                        "address allow-list removed",
                        "link downloads opened to anyone",
                        "session timeout lengthened");
    }

    @Test
    void tighteningOrKeepingAPolicyWeakensNothing() {
        SecurityPolicy open = SecurityPolicy.defaults(group);
        SecurityPolicy strict = policy(true, Duration.ofMinutes(15), false, List.of("192.0.2.0/24"), false);

        assertThat(open.weakenedIn(strict)).isEmpty();
        assertThat(strict.weakenedIn(strict)).isEmpty();
        assertThat(strict.weakenedIn(policy(true, Duration.ofMinutes(10), false, List.of("192.0.2.0/25"), false)))
                .as("a shorter timeout and a narrower list tighten")
                .isEmpty();
    }
}
