package io.selvedge.identity.internal;

import io.selvedge.crypto.FieldCiphers;
import io.selvedge.identity.IdentityProperties;
import io.selvedge.protection.Allowance;
import io.selvedge.protection.Buckets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.stereotype.Service;

/**
 * Slows down guessing without locking anyone out: past a number of free failures per account and per
 * client address, each attempt must wait, twice as long after each further failure, up to a cap. A
 * success clears the account's count; the address's count fades (a guesser could otherwise clear it by
 * signing in to an account of their own). Subjects are stored as keyed hashes only (a blind index under
 * the directory keys): an unkeyed hash of a client address is undone by hashing every IPv4 address.
 *
 * <p>The counts are read before the check and written after it, so on their own they would let a burst of
 * parallel attempts through. {@link #take} therefore also takes a token per attempt, atomically, from
 * buckets shared by every node ({@link Buckets}): as many per subject as it has free failures, one more
 * every first delay; and once past its free failures, a subject's attempts must also take the single token
 * of a second bucket, so a burst then gets at most one attempt checked. A success gives the tokens back.
 */
@Service
class SignInThrottle {

    static final String INDEX = "sign-in-failure.subject";

    private final SignInFailures failures;
    private final FieldCiphers ciphers;
    private final IdentityProperties.SignIn settings;
    private final Clock clock;
    private final Buckets buckets;

    SignInThrottle(
            SignInFailures failures,
            FieldCiphers ciphers,
            IdentityProperties properties,
            Clock clock,
            Buckets buckets) {
        this.failures = failures;
        this.ciphers = ciphers;
        this.settings = properties.signIn();
        this.clock = clock;
        this.buckets = buckets;
    }

    /**
     * Takes one attempt for the account and the address in one atomic step per bucket: zero when it may go
     * ahead (report its outcome with {@link #failed} or {@link #succeeded}), else how long to wait.
     */
    Duration take(String username, String address, SignInFactor factor) {
        Duration wait = waitBefore(username, address, factor);
        if (!wait.isZero()) {
            return wait;
        }
        Instant now = clock.instant();
        String account = account(username);
        wait = takeFor(account, factor, settings.freeFailures(), "account", now);
        if (wait.isZero() && address != null) {
            wait = takeFor(addressSubject(address), factor, settings.freeFailuresPerAddress(), "address", now);
        }
        return wait;
    }

    private Duration takeFor(String subject, SignInFactor factor, int free, String kind, Instant now) {
        Duration wait = buckets.take(attempts(factor, kind, free), subject);
        if (wait.isZero() && pastFree(subject, factor, free, now)) {
            wait = buckets.take(pastFree(factor, kind), subject);
        }
        return wait;
    }

    private boolean pastFree(String subject, SignInFactor factor, int free, Instant now) {
        return failures.find(subject, factor)
                .filter(count -> count.lastFailureAt().isAfter(now.minus(settings.forgetAfter())))
                .filter(count -> count.failures() >= free)
                .isPresent();
    }

    private Allowance attempts(SignInFactor factor, String kind, int free) {
        return new Allowance(
                "sign-in." + factor.name().toLowerCase(java.util.Locale.ROOT) + "." + kind,
                free,
                settings.firstDelay());
    }

    private Allowance pastFree(SignInFactor factor, String kind) {
        return new Allowance(
                "sign-in." + factor.name().toLowerCase(java.util.Locale.ROOT) + "." + kind + ".past-free",
                1,
                settings.firstDelay());
    }

    /** How long the next attempt must wait; zero when it may go ahead. */
    Duration waitBefore(String username, String address, SignInFactor factor) {
        Instant now = clock.instant();
        Duration forAccount = waitFor(account(username), factor, settings.freeFailures(), now);
        Duration forAddress = address == null
                ? Duration.ZERO
                : waitFor(addressSubject(address), factor, settings.freeFailuresPerAddress(), now);
        return forAccount.compareTo(forAddress) >= 0 ? forAccount : forAddress;
    }

    void failed(String username, String address, SignInFactor factor) {
        Instant now = clock.instant();
        Instant forgetBefore = now.minus(settings.forgetAfter());
        failures.add(account(username), factor, now, forgetBefore);
        if (address != null) {
            failures.add(addressSubject(address), factor, now, forgetBefore);
        }
    }

    void succeeded(String username, SignInFactor factor) {
        String account = account(username);
        failures.forget(account, factor);
        buckets.reset(attempts(factor, "account", settings.freeFailures()), account);
        buckets.reset(pastFree(factor, "account"), account);
    }

    /** A success: the account starts afresh, and the address gets back the tokens the attempt took. */
    void succeeded(String username, String address, SignInFactor factor) {
        succeeded(username, factor);
        if (address != null) {
            String subject = addressSubject(address);
            buckets.giveBack(attempts(factor, "address", settings.freeFailuresPerAddress()), subject);
            buckets.giveBack(pastFree(factor, "address"), subject);
        }
    }

    private Duration waitFor(String subject, SignInFactor factor, int free, Instant now) {
        return failures.find(subject, factor)
                .filter(count -> count.lastFailureAt().isAfter(now.minus(settings.forgetAfter())))
                .filter(count -> count.failures() >= free)
                .map(count -> count.lastFailureAt().plus(delayAfter(count.failures() - free)))
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until))
                .orElse(Duration.ZERO);
    }

    /** The first delay, doubled {@code doublings} times, at most the longest delay. */
    Duration delayAfter(int doublings) {
        Duration delay = settings.firstDelay();
        for (int i = 0; i < doublings && delay.compareTo(settings.longestDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.longestDelay()) < 0 ? delay : settings.longestDelay();
    }

    private String account(String username) {
        return subject("account:" + username);
    }

    /** How a client address is kept where the counts are (a blind index), for the other budgets of sign-in. */
    String addressSubject(String address) {
        return subject("address:" + address);
    }

    private String subject(String subject) {
        return HexFormat.of().formatHex(ciphers.directory().blindIndex(INDEX, subject));
    }
}
