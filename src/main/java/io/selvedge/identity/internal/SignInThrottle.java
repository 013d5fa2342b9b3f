package io.selvedge.identity.internal;

import io.selvedge.crypto.FieldCiphers;
import io.selvedge.identity.IdentityProperties;
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
 */
@Service
class SignInThrottle {

    static final String INDEX = "sign-in-failure.subject";

    private final SignInFailures failures;
    private final FieldCiphers ciphers;
    private final IdentityProperties.SignIn settings;
    private final Clock clock;

    SignInThrottle(SignInFailures failures, FieldCiphers ciphers, IdentityProperties properties, Clock clock) {
        this.failures = failures;
        this.ciphers = ciphers;
        this.settings = properties.signIn();
        this.clock = clock;
    }

    /** How long the next attempt must wait; zero when it may go ahead. */
    Duration waitBefore(String username, String address, SignInFactor factor) {
        Instant now = clock.instant();
        Duration forAccount = waitFor(account(username), factor, settings.freeFailures(), now);
        Duration forAddress = address == null
                ? Duration.ZERO
                : waitFor(address(address), factor, settings.freeFailuresPerAddress(), now);
        return forAccount.compareTo(forAddress) >= 0 ? forAccount : forAddress;
    }

    void failed(String username, String address, SignInFactor factor) {
        Instant now = clock.instant();
        Instant forgetBefore = now.minus(settings.forgetAfter());
        failures.add(account(username), factor, now, forgetBefore);
        if (address != null) {
            failures.add(address(address), factor, now, forgetBefore);
        }
    }

    void succeeded(String username, SignInFactor factor) {
        failures.forget(account(username), factor);
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

    private String address(String address) {
        return subject("address:" + address);
    }

    private String subject(String subject) {
        return HexFormat.of().formatHex(ciphers.directory().blindIndex(INDEX, subject));
    }
}
