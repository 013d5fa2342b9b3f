package io.selvedge.identity;

import java.util.Optional;

/** What a display name may be: 1 to 100 characters of any script, no control characters. */
public final class DisplayNames {

    public static final int MAXIMUM_LENGTH = 100;

    private DisplayNames() {}

    /** The name without surrounding spaces; null (no display name) for null or blank. */
    public static String normalise(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return null;
        }
        return displayName.strip();
    }

    public static Optional<String> problemWith(String displayName) {
        String name = normalise(displayName);
        if (name == null) {
            return Optional.empty();
        }
        if (name.codePointCount(0, name.length()) > MAXIMUM_LENGTH) {
            return Optional.of("A display name has at most " + MAXIMUM_LENGTH + " characters.");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("A display name cannot hold control characters.");
        }
        return Optional.empty();
    }

    /** @throws IllegalArgumentException with the reason, if the name is refused; returns the normalised name */
    public static String check(String displayName) {
        problemWith(displayName).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return normalise(displayName);
    }
}
