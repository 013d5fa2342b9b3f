package io.selvedge.identity.internal;

import io.selvedge.identity.IdentityProperties;
import io.selvedge.protection.Allowance;
import io.selvedge.protection.Buckets;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * A budget of failed sign-ins for usernames no account has, so that guessing names costs as much as guessing
 * passwords: each account's throttle starts afresh for a name never seen, and names are endless. Per client
 * address ({@code unknownNamesPerAddress}): once spent, the address waits, whatever name it tries next. Across
 * every address and node ({@code unknownNames}): once spent, names are being sprayed, and every address may try
 * one password per {@code sprayedAddressEvery} until the budget refills.
 *
 * <p>Neither rule tells whether a name exists: both are read before the password is checked and apply to every
 * name alike, and a failure for a known name makes the same store round trips as for an unknown one (reading the
 * buckets instead of taking from them), so answer and timing are the same.
 */
@Service
class UnknownSignInNames {

    static final String EVERYWHERE = "all";

    private final Buckets buckets;
    private final IdentityProperties.SignIn settings;
    private final UnaryOperator<String> addressSubject;

    @Autowired
    UnknownSignInNames(Buckets buckets, IdentityProperties properties, SignInThrottle throttle) {
        this(buckets, properties.signIn(), throttle::addressSubject);
    }

    /** {@code addressSubject}: how an address is kept in the buckets' store (a keyed hash, never itself). */
    UnknownSignInNames(Buckets buckets, IdentityProperties.SignIn settings, UnaryOperator<String> addressSubject) {
        this.buckets = buckets;
        this.settings = settings;
        this.addressSubject = addressSubject;
    }

    /** Before a password is checked: zero when it may be, else how long the address must wait. */
    Duration before(@Nullable String address) {
        if (address == null) {
            return Duration.ZERO;
        }
        String subject = addressSubject.apply(address);
        Duration wait = buckets.waitFor(perAddress(), subject);
        if (wait.isZero() && !buckets.waitFor(everywhere(), EVERYWHERE).isZero()) {
            wait = buckets.take(whileSprayed(), subject);
        }
        return wait;
    }

    /** After a wrong password: an unknown name spends the budgets, a known one only reads them (same timing). */
    void failed(@Nullable String address, boolean knownName) {
        String subject = address == null ? null : addressSubject.apply(address);
        if (knownName) {
            if (subject != null) {
                buckets.waitFor(perAddress(), subject);
            }
            buckets.waitFor(everywhere(), EVERYWHERE);
        } else {
            if (subject != null) {
                buckets.take(perAddress(), subject);
            }
            buckets.take(everywhere(), EVERYWHERE);
        }
    }

    private Allowance perAddress() {
        return settings.unknownNamesPerAddress().allowance("sign-in.unknown-names.address");
    }

    private Allowance everywhere() {
        return settings.unknownNames().allowance("sign-in.unknown-names.all");
    }

    private Allowance whileSprayed() {
        return new Allowance("sign-in.unknown-names.sprayed", 1, settings.sprayedAddressEvery());
    }
}
