package io.selvedge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.identity.IdentityProperties;
import io.selvedge.protection.Allowance;
import io.selvedge.protection.Buckets;
import io.selvedge.protection.ProtectionProperties;
import io.selvedge.testing.MovableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failed sign-ins for names no account has spend budgets that slow every name alike. */
class UnknownSignInNamesTest {

    final MovableClock clock = new MovableClock();
    final RecordedBuckets buckets = new RecordedBuckets(Buckets.inMemory(clock));
    final UnknownSignInNames names = new UnknownSignInNames(buckets, settings(), address -> "hashed " + address);

    @Test
    void anAddressThatSpentItsUnknownNamesWaitsForEveryNameAndOthersDoNot() {
        for (int i = 0; i < 3; i++) {
            unknownNameFails("203.0.113.9");
        }

        assertThat(mayTry("203.0.113.9"))
                .as("its next attempt, whatever the name")
                .isPositive();
        assertThat(mayTry("198.51.100.7")).as("another address").isZero();
        clock.advance(Duration.ofMinutes(4));
        assertThat(mayTry("203.0.113.9")).as("a name's worth refilled").isZero();
    }

    @Test
    void wrongPasswordsForKnownNamesSpendNothingYetTouchTheSameBuckets() {
        for (int i = 0; i < 20; i++) {
            names.failed(names.before("203.0.113.9"), true);
        }
        assertThat(mayTry("203.0.113.9")).isZero();

        UnknownSignInNames.Attempt knownName = names.before("203.0.113.9");
        UnknownSignInNames.Attempt unknownName = names.before("203.0.113.9");
        buckets.touched.clear();
        names.failed(knownName, true);
        List<String> known = List.copyOf(buckets.touched);
        buckets.touched.clear();
        names.failed(unknownName, false);

        assertThat(buckets.touched)
                .as("the same store round trips, whether the name exists or not")
                .isEqualTo(known);
    }

    @Test
    void namesSprayedFromManyAddressesGiveEveryAddressOneAttemptAtATime() {
        for (int i = 0; i < 5; i++) {
            unknownNameFails("10.66.0." + i);
        }

        assertThat(mayTry("192.0.2.1")).as("a fresh address's first attempt").isZero();
        assertThat(mayTry("192.0.2.1")).as("its second, at once").isPositive();
        assertThat(mayTry("192.0.2.2")).as("another address's first").isZero();
        clock.advance(Duration.ofSeconds(10));
        assertThat(mayTry("192.0.2.1")).isZero();
        assertThat(mayTry("192.0.2.1")).isPositive();

        clock.advance(Duration.ofMinutes(1));
        assertThat(mayTry("192.0.2.1"))
                .as("the budget refilled: no longer sprayed")
                .isZero();
        assertThat(mayTry("192.0.2.1")).isZero();
    }

    @Test
    void attemptsInFlightAtOnceShareTheOverallBudgetInsteadOfAllPassingOnItsLastToken() {
        UnknownSignInNames generous = new UnknownSignInNames(
                buckets, signInWithUnknownNames("100/10m", "5/1m"), address -> "hashed " + address);

        // Ten attempts from one address, each let through before any has been checked (as parallel requests).
        List<UnknownSignInNames.Attempt> inFlight = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            inFlight.add(generous.before("203.0.113.9"));
        }

        assertThat(inFlight.stream().filter(attempt -> attempt.waitFor().isZero()))
                .as("the budget's five, then the address's one attempt while names are sprayed")
                .hasSize(6);
    }

    @Test
    void anAttemptThatIsNoUnknownNamesFailureGivesItsTokenBack() {
        for (int i = 0; i < 20; i++) {
            UnknownSignInNames.Attempt signedIn = names.before("10.66.1." + i);
            assertThat(signedIn.waitFor()).isZero();
            names.settle(signedIn); // a sign-in that succeeded, or was throttled for its account
        }
        for (int i = 0; i < 5; i++) {
            unknownNameFails("10.66.2." + i);
        }

        assertThat(mayTry("192.0.2.1")).isZero();
        assertThat(mayTry("192.0.2.1"))
                .as("only the unknown names' five failures spent the budget")
                .isPositive();
    }

    @Test
    void unknownNamesFailingWithoutAnAddressStillSpendTheOverallBudget() {
        for (int i = 0; i < 5; i++) {
            UnknownSignInNames.Attempt addressless = names.before(null);
            assertThat(addressless.waitFor()).isZero();
            names.failed(addressless, false);
            names.settle(addressless);
        }

        assertThat(mayTry("192.0.2.1")).isZero();
        assertThat(mayTry("192.0.2.1")).as("names are sprayed").isPositive();
    }

    /** Whether the address may try a password now, settled as a sign-in that succeeded would be. */
    private Duration mayTry(String address) {
        UnknownSignInNames.Attempt attempt = names.before(address);
        names.settle(attempt);
        return attempt.waitFor();
    }

    private void unknownNameFails(String address) {
        UnknownSignInNames.Attempt attempt = names.before(address);
        assertThat(attempt.waitFor()).isZero();
        names.failed(attempt, false);
        names.settle(attempt);
    }

    private static IdentityProperties.SignIn settings() {
        return signInWithUnknownNames("3/10m", "5/1m");
    }

    /** The sign-in defaults, but for the budgets of unknown names per address and overall. */
    static IdentityProperties.SignIn signInWithUnknownNames(String perAddress, String overall) {
        return new IdentityProperties.SignIn(
                5,
                20,
                Duration.ofSeconds(1),
                Duration.ofMinutes(15),
                Duration.ofHours(24),
                ProtectionProperties.Limit.parse(perAddress),
                ProtectionProperties.Limit.parse(overall),
                Duration.ofSeconds(10));
    }

    /** Real buckets in memory, noting which bucket each call reached (as a store's round trips). */
    record RecordedBuckets(Buckets buckets, List<String> touched) implements Buckets {

        RecordedBuckets(Buckets buckets) {
            this(buckets, new ArrayList<>());
        }

        @Override
        public Taken take(Allowance allowance, String key, long tokens) {
            touched.add(allowance.name() + " " + key);
            return buckets.take(allowance, key, tokens);
        }

        @Override
        public Duration waitFor(Allowance allowance, String key) {
            touched.add(allowance.name() + " " + key);
            return buckets.waitFor(allowance, key);
        }

        @Override
        public void giveBack(Allowance allowance, String key) {
            touched.add(allowance.name() + " " + key);
            buckets.giveBack(allowance, key);
        }

        @Override
        public void reset(Allowance allowance, String key) {
            buckets.reset(allowance, key);
        }
    }
}
