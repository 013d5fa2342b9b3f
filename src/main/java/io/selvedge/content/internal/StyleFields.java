package io.selvedge.content.internal;

import io.selvedge.content.InvalidContentException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Validation and normalisation of a style's fields, before anything is stored. */
final class StyleFields {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 5000;
    static final int MAX_TAGS = 30;
    static final int MAX_TAG = 100;

    private StyleFields() {}

    static String name(@Nullable String name) {
        if (name == null) {
            throw new InvalidContentException("A name is required.");
        }
        String stripped = name.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length < 1 || length > MAX_NAME) {
            throw new InvalidContentException("A name has 1 to " + MAX_NAME + " characters.");
        }
        if (stripped.codePoints().anyMatch(StyleFields::isControl)) {
            throw new InvalidContentException("A name may not contain control characters.");
        }
        return stripped;
    }

    static String description(@Nullable String description) {
        String text = description == null ? "" : description.strip();
        if (text.codePointCount(0, text.length()) > MAX_DESCRIPTION) {
            throw new InvalidContentException("A description has at most " + MAX_DESCRIPTION + " characters.");
        }
        if (text.codePoints().anyMatch(c -> isControl(c) && c != '\n' && c != '\t')) {
            throw new InvalidContentException("A description may not contain control characters.");
        }
        return text;
    }

    /** Tags as stored: stripped, without duplicates (case-insensitive), in the order given. */
    static List<String> tags(@Nullable List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidContentException("A style has at most " + MAX_TAGS + " tags.");
        }
        List<String> clean = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String tag : tags) {
            String stripped = tag == null ? "" : tag.strip();
            int length = stripped.codePointCount(0, stripped.length());
            if (length < 1 || length > MAX_TAG || stripped.codePoints().anyMatch(StyleFields::isControl)) {
                throw new InvalidContentException(
                        "A tag has 1 to " + MAX_TAG + " characters and no control characters.");
            }
            if (seen.add(indexed(stripped))) {
                clean.add(stripped);
            }
        }
        return clean;
    }

    /** A tag as its blind index sees it: case and surrounding space do not matter. */
    static String indexed(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT);
    }

    static String joinTags(List<String> tags) {
        return String.join("\n", tags);
    }

    static List<String> splitTags(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }

    static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.FORMAT && codePoint != 0x200D
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED
                || type == Character.SURROGATE
                || type == Character.PRIVATE_USE;
    }
}
