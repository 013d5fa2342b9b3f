package io.selvedge.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a username may be: 3 to 64 lower-case letters, digits, dots, dashes and underscores. */
public final class Usernames {

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private Usernames() {}

    public static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    public static Optional<String> problemWith(String username) {
        return ALLOWED.matcher(normalise(username)).matches()
                ? Optional.empty()
                : Optional.of("A username has 3 to 64 letters, digits, dots, dashes or underscores.");
    }
}
