package io.selvedge.scim.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reading attribute values as identity providers send them. */
final class ScimValues {

    private ScimValues() {}

    /** A boolean, also as the strings Entra ID sends ({@code "False"}, {@code "True"}). */
    static boolean bool(JsonNode value, String attribute) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isString()) {
            String text = value.asString().strip().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return text.equals("true");
            }
        }
        throw ScimException.invalidValue(attribute + " is true or false.");
    }

    /** A string, null for JSON null or absent; anything else is refused. */
    @Nullable
    static String text(@Nullable JsonNode value, String attribute) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (!value.isString()) {
            throw ScimException.invalidValue(attribute + " is a string.");
        }
        String text = value.asString();
        if (text.length() > 2048) {
            throw ScimException.invalidValue(attribute + " is too long.");
        }
        return text;
    }
}
