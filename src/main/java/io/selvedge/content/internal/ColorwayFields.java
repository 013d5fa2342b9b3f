package io.selvedge.content.internal;

import io.selvedge.content.InvalidContentException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Validation and normalisation of a colorway's name and swatch, before anything is stored. */
final class ColorwayFields {

    static final int MAX_NAME = 100;

    private static final Pattern SWATCH = Pattern.compile("#[0-9a-fA-F]{6}");

    private ColorwayFields() {}

    static String name(@Nullable String name) {
        if (name == null) {
            throw new InvalidContentException("A colorway's name is required.");
        }
        String stripped = name.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length < 1 || length > MAX_NAME) {
            throw new InvalidContentException("A colorway's name has 1 to " + MAX_NAME + " characters.");
        }
        if (stripped.codePoints().anyMatch(ColorwayFields::isControl)) {
            throw new InvalidContentException("A colorway's name may not contain control characters.");
        }
        return stripped;
    }

    /** The swatch as stored: {@code #rrggbb} in lower case. */
    static String swatch(@Nullable String swatch) {
        if (swatch == null || !SWATCH.matcher(swatch).matches()) {
            throw new InvalidContentException("A swatch is a colour written #rrggbb.");
        }
        return swatch.toLowerCase(Locale.ROOT);
    }

    /** A variant's name from a file, made a valid name (control characters dropped, cut to length). */
    static String fromFile(String name, int position) {
        StringBuilder clean = new StringBuilder();
        name.strip().codePoints().filter(c -> !isControl(c)).limit(MAX_NAME).forEach(clean::appendCodePoint);
        String stripped = clean.toString().strip();
        return stripped.isEmpty() ? "Variant " + position : stripped;
    }

    /** Names match whatever their case: a file's "ECRU" is the colorway "Ecru". */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static boolean isControl(int codePoint) {
        return StyleFields.isControl(codePoint);
    }
}
