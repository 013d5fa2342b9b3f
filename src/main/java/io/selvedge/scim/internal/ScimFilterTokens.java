package io.selvedge.scim.internal;

import java.util.ArrayList;
import java.util.List;

/** The words of a SCIM filter: names, quoted strings (escapes kept), parentheses and brackets. */
final class ScimFilterTokens {

    private ScimFilterTokens() {}

    static List<String> of(String filter) {
        List<String> tokens = new ArrayList<>();
        int at = 0;
        while (at < filter.length()) {
            char c = filter.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (c == '(' || c == ')' || c == '[' || c == ']') {
                tokens.add(String.valueOf(c));
                at++;
            } else if (c == '"') {
                int end = closingQuote(filter, at);
                tokens.add(filter.substring(at, end + 1));
                at = end + 1;
            } else if (isNameChar(c)) {
                int end = at;
                while (end < filter.length() && isNameChar(filter.charAt(end))) {
                    end++;
                }
                tokens.add(filter.substring(at, end));
                at = end;
            } else {
                throw ScimException.invalidFilter("The filter cannot contain " + c + " there.");
            }
        }
        return tokens;
    }

    static boolean isName(String token) {
        return !token.isEmpty() && token.chars().allMatch(c -> isNameChar((char) c));
    }

    static boolean isString(String token) {
        return token.length() >= 2 && token.charAt(0) == '"';
    }

    static String unquote(String token) {
        return token.substring(1, token.length() - 1).replaceAll("\\\\(.)", "$1");
    }

    private static int closingQuote(String filter, int open) {
        for (int at = open + 1; at < filter.length(); at++) {
            char c = filter.charAt(at);
            if (c == '\\') {
                at++;
            } else if (c == '"') {
                return at;
            }
        }
        throw ScimException.invalidFilter("A quoted value is not closed.");
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == ':'
                || c == '.'
                || c == '$'
                || c == '-';
    }
}
