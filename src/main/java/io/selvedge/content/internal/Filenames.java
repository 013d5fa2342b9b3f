package io.selvedge.content.internal;

import org.jspecify.annotations.Nullable;

/**
 * Makes a client's file name safe to store and to send back: the last path segment only, control and
 * format characters dropped, at most 255 code points (the extension kept), never empty or a dot name.
 */
final class Filenames {

    static final int MAX = 255;

    private Filenames() {}

    static String safe(@Nullable String raw) {
        if (raw == null) {
            return "file";
        }
        String name = raw;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().filter(Filenames::allowed).forEach(clean::appendCodePoint);
        String stripped = clean.toString().strip();
        // Dots and the blanks they leave are both taken off the front (". .name" is "name", not " .name").
        while (stripped.startsWith(".")) {
            stripped = stripped.substring(1).strip();
        }
        if (stripped.isEmpty()) {
            return "file";
        }
        if (stripped.codePointCount(0, stripped.length()) > MAX) {
            int dot = stripped.lastIndexOf('.');
            String extension = dot > 0 && stripped.length() - dot <= 16 ? stripped.substring(dot) : "";
            int keep = MAX - extension.codePointCount(0, extension.length());
            stripped =
                    stripped.substring(0, stripped.offsetByCodePoints(0, keep)).strip() + extension;
        }
        return stripped;
    }

    private static boolean allowed(int codePoint) {
        int type = Character.getType(codePoint);
        return type != Character.CONTROL
                && type != Character.FORMAT
                && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.UNASSIGNED
                && type != Character.SURROGATE
                && type != Character.PRIVATE_USE;
    }
}
