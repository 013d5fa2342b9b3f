package io.selvedge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.selvedge.identity.SignInThrottledException;
import io.selvedge.protection.ProtectionProperties;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** No more password checks at once than the permits: one more waits a moment, then is throttled. */
class BoundedPasswordChecksTest {

    final CountDownLatch checking = new CountDownLatch(1);
    final CountDownLatch finish = new CountDownLatch(1);
    final Counter refused = new SimpleMeterRegistry().counter("refused");
    final BoundedPasswordChecks checks = new BoundedPasswordChecks(
            new SlowEncoder(), new ProtectionProperties.PasswordChecks(1, Duration.ofMillis(100)), refused);

    @Test
    void aCheckBeyondThePermitsIsRefusedAfterItsWaitAndTheNextOneRunsOnceAPermitIsFree() throws Exception {
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> checks.matches("right", "right"));
        assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertThatThrownBy(() -> checks.matches("guess", "right"))
                .isInstanceOfSatisfying(
                        SignInThrottledException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(refused.count()).isEqualTo(1);

        finish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(checks.matches("guess", "right")).isFalse();
        assertThat(refused.count()).isEqualTo(1);
    }

    @Test
    void hashingANewPasswordTakesAPermitTooWaitingLongerForIt() throws Exception {
        CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(() -> checks.matches("right", "right"));
        assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<String> hashing = CompletableFuture.supplyAsync(() -> checks.encode("a new password"));
        Thread.sleep(300); // three times the checks' wait: a check would have been refused by now

        assertThat(hashing).as("waits for the busy permit").isNotDone();
        finish.countDown();
        assertThat(hashing.get(10, TimeUnit.SECONDS)).isEqualTo("a new password");
        assertThat(check.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.count()).isZero();
    }

    @Test
    void zeroConcurrentMeansHalfTheCoresAndAtLeastOne() {
        assertThat(new ProtectionProperties.PasswordChecks(0, Duration.ZERO).permits())
                .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    /** Compares in the clear, the first comparison held until the test lets it end: a check that takes a while. */
    final class SlowEncoder implements PasswordEncoder {

        @Override
        public String encode(CharSequence rawPassword) {
            return rawPassword.toString();
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            if (checking.getCount() > 0) {
                checking.countDown();
                try {
                    finish.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return rawPassword.toString().equals(encodedPassword);
        }
    }
}
