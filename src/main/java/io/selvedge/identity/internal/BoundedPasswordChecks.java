package io.selvedge.identity.internal;

import io.micrometer.core.instrument.Counter;
import io.selvedge.identity.SignInThrottledException;
import io.selvedge.platform.Refusal;
import io.selvedge.protection.ProtectionProperties;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A bulkhead around password checks: at most {@code permits} Argon2 comparisons run at once on this node, so a
 * flood of guesses (from however many addresses) cannot take every core. A check that finds them all busy waits
 * a moment, then is refused as a throttled sign-in (429, try again in a second) before any hashing: for a known
 * and an unknown username alike, since both are checked (Spring hashes a dummy password for an unknown one).
 *
 * <p>Hashing a new password (a reset, a change, an accepted invitation, a link's password) takes a permit too, so
 * the node's Argon2 work stays within the bound whatever the mix. Only a person holding a valid token or session
 * can ask for one, so it may wait longer for its permit ({@link #NEW_PASSWORD_WAIT}) before it is refused alike.
 */
class BoundedPasswordChecks implements PasswordEncoder {

    static final Duration NEW_PASSWORD_WAIT = Duration.ofSeconds(10);

    private final PasswordEncoder encoder;
    private final Semaphore permits;
    private final Duration wait;
    private final Duration newPasswordWait;
    private final Counter refused;

    BoundedPasswordChecks(PasswordEncoder encoder, ProtectionProperties.PasswordChecks limits, Counter refused) {
        this.encoder = encoder;
        this.permits = new Semaphore(limits.permits(), true);
        this.wait = limits.waitAtMost();
        this.newPasswordWait = NEW_PASSWORD_WAIT.compareTo(wait) > 0 ? NEW_PASSWORD_WAIT : wait;
        this.refused = refused;
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (!acquired(wait)) {
            throw new SignInThrottledException(Duration.ofSeconds(1));
        }
        try {
            return encoder.matches(rawPassword, encodedPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public String encode(CharSequence rawPassword) {
        if (!acquired(newPasswordWait)) {
            // Not a sign-in: a refusal every caller (API and pages) answers 429 with Retry-After.
            throw new Refusal.TooManyRequests(
                    "The server is busy checking passwords. Try again in a second.", Duration.ofSeconds(1));
        }
        try {
            return encoder.encode(rawPassword);
        } finally {
            permits.release();
        }
    }

    private boolean acquired(Duration atMost) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(atMost.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            refused.increment();
        }
        return acquired;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encoder.upgradeEncoding(encodedPassword);
    }
}
