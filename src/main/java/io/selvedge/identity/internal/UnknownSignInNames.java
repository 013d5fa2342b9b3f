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

    /**
     * Before a password is checked. Unless the address must wait, the attempt takes a token of the overall
     * budget here, in the same atomic step that checks it, so that attempts in parallel cannot all pass on its
     * last token; once it is spent (names sprayed), the address's one attempt per {@code sprayedAddressEvery}
     * instead. {@link #settle} gives the token back unless the attempt turns out to be an unknown name's failure.
     */
    Attempt before(@Nullable String address) {
        if (address == null) {
            return new Attempt(null, Duration.ZERO, false);
        }
        String subject = addressSubject.apply(address);
        Duration wait = buckets.waitFor(perAddress(), subject);
        if (!wait.isZero()) {
            return new Attempt(subject, wait, false);
        }
        if (buckets.take(everywhere(), EVERYWHERE).isZero()) {
            return new Attempt(subject, Duration.ZERO, true);
        }
        return new Attempt(subject, buckets.take(whileSprayed(), subject), false);
    }

    /**
     * After a wrong password: an unknown name spends the budgets (the overall token it took in {@link #before} is
     * spent already), a known one only reads them and gives that token back: the same store round trips.
     */
    void failed(Attempt attempt, boolean knownName) {
        if (attempt.settled) {
            return;
        }
        attempt.settled = true;
        if (attempt.subject != null) {
            if (knownName) {
                buckets.waitFor(perAddress(), attempt.subject);
            } else {
                buckets.take(perAddress(), attempt.subject);
            }
        }
        if (knownName && attempt.holdsBudget) {
            buckets.giveBack(everywhere(), EVERYWHERE);
        } else if (!knownName && !attempt.holdsBudget) {
            buckets.take(everywhere(), EVERYWHERE); // none taken before (no address, or names sprayed): spend one
        } else {
            buckets.waitFor(everywhere(), EVERYWHERE); // the same round trip: its token spent, or none to give back
        }
    }

    /** However the sign-in ended: an attempt that was no unknown name's failure gives its overall token back. */
    void settle(Attempt attempt) {
        if (!attempt.settled && attempt.holdsBudget) {
            buckets.giveBack(everywhere(), EVERYWHERE);
        }
        attempt.settled = true;
    }

    /** One sign-in's share of the budgets: whether (and how long) it must wait, and what it holds until settled. */
    static final class Attempt {

        private final @Nullable String subject;
        private final Duration wait;
        private final boolean holdsBudget;
        private boolean settled;

        private Attempt(@Nullable String subject, Duration wait, boolean holdsBudget) {
            this.subject = subject;
            this.wait = wait;
            this.holdsBudget = holdsBudget;
        }

        /** Zero when the password may be checked, else how long the address must wait. */
        Duration waitFor() {
            return wait;
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
