package io.selvedge.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an account's e-mail address may be, and the one form in which it is compared: trimmed and in lower
 * case (the blind index of an address is made from this form, so {@code Ada@Example.org } and
 * {@code ada@example.org} are one address).
 */
public final class EmailAddresses {

    public static final int MAXIMUM_LENGTH = 254;

    // A pragmatic shape: something, one @, a domain with a dot; no spaces, controls or angle brackets.
    private static final Pattern SHAPE =
            Pattern.compile("[^@\\s<>\"(),;:\\\\\\[\\]]+@[^@\\s<>\"(),;:\\\\\\[\\]]+\\.[^@\\s<>\"(),;:\\\\\\[\\].]+");

    private EmailAddresses() {}

    public static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** True when the text looks like an address rather than a username (usernames have no {@code @}). */
    public static boolean looksLikeOne(String text) {
        return text != null && text.indexOf('@') >= 0;
    }

    /** Why the address is refused, in words for the person; empty when it will do. */
    public static Optional<String> problemWith(String email) {
        String normalised = normalise(email);
        if (normalised.isEmpty()) {
            return Optional.of("Give an e-mail address.");
        }
        if (normalised.length() > MAXIMUM_LENGTH
                || normalised.codePoints().anyMatch(Character::isISOControl)
                || !SHAPE.matcher(normalised).matches()) {
            return Optional.of("That is not an e-mail address we can write to (name@example.org).");
        }
        return Optional.empty();
    }

    /** @throws IllegalArgumentException with the reason, if the address is refused */
    public static String check(String email) {
        problemWith(email).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return normalise(email);
    }
}
