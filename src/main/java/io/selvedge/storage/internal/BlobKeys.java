package io.selvedge.storage.internal;

import io.selvedge.storage.InvalidBlobKeyException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The key space of every blob store: safe segments only, and {@code groups/<groupId>/} in front of
 * every piece of group content. Checked before any backend sees a key, like Keycloak's vault
 * {@code validate} step, so no key can climb out of its folder or prefix.
 */
final class BlobKeys {

    static final int MAX_LENGTH = 1024;
    static final String GROUPS = "groups/";

    // A segment never starts with a dot: no "." or "..", and temporary and probe files can never collide.
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}");

    private BlobKeys() {}

    static String validate(String key) {
        if (key == null || key.isEmpty()) {
            throw new InvalidBlobKeyException("empty");
        }
        if (key.length() > MAX_LENGTH) {
            throw new InvalidBlobKeyException("longer than " + MAX_LENGTH + " characters");
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new InvalidBlobKeyException(
                        "each /-separated part must be letters, digits, '.', '_' or '-', not start with '.'");
            }
        }
        return key;
    }

    /** Whether a name found in a backend is a key at all (not a folder marker, temporary file or probe). */
    static boolean isKey(String key) {
        try {
            validate(key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A listing prefix: empty, or valid key segments ending in {@code /}. */
    static String validatePrefix(String prefix) {
        if (prefix == null) {
            throw new InvalidBlobKeyException("null prefix");
        }
        if (!prefix.isEmpty()) {
            validate(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
        }
        return prefix;
    }

    static String groupPrefix(UUID groupId) {
        return GROUPS + groupId + "/";
    }

    /** The group a key or prefix belongs to, if it lies under {@code groups/<uuid>/}. */
    static Optional<UUID> groupOf(String key) {
        if (!key.startsWith(GROUPS)) {
            return Optional.empty();
        }
        int end = key.indexOf('/', GROUPS.length());
        if (end < 0) {
            return Optional.empty();
        }
        String id = key.substring(GROUPS.length(), end);
        try {
            UUID group = UUID.fromString(id);
            return group.toString().equals(id) ? Optional.of(group) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
