package io.selvedge.scim.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The filters identity providers send (RFC 7644 section 3.4.2.2): equality comparisons, joined by
 * {@code and}: {@code userName eq "x"}, {@code externalId eq "x"}, {@code emails[type eq "work"].value eq "x"},
 * {@code displayName eq "x"}. Anything else is refused as {@code invalidFilter}, never guessed at.
 */
record ScimFilter(List<Comparison> comparisons) {

    /** One {@code attribute eq "value"}; the attribute lower-cased, a value filter on it flattened. */
    record Comparison(String attribute, String value) {}

    private static final Pattern COMPARISON = Pattern.compile(
            "\\s*([A-Za-z][A-Za-z0-9_:.$-]*?)(?:\\[\\s*type\\s+eq\\s+\"([A-Za-z]+)\"\\s*\\](\\.[A-Za-z]+)?)?"
                    + "\\s+(?i:eq)\\s+(\"((?:[^\"\\\\]|\\\\.)*)\"|true|false)\\s*");
    private static final Pattern AND = Pattern.compile("(?i)and\\s+");

    static ScimFilter parse(@Nullable String filter) {
        if (filter == null || filter.isBlank()) {
            return new ScimFilter(List.of());
        }
        if (filter.length() > 1000) {
            throw ScimException.invalidFilter("The filter is too long.");
        }
        List<Comparison> comparisons = new ArrayList<>();
        Matcher matcher = COMPARISON.matcher(filter);
        int at = 0;
        while (true) {
            matcher.region(at, filter.length());
            if (!matcher.lookingAt()) {
                throw ScimException.invalidFilter(
                        "Only equality filters (attribute eq \"value\", joined by and) are supported.");
            }
            String attribute = matcher.group(1);
            if (matcher.group(2) != null) {
                // emails[type eq "work"].value: the one address of an account is its work address.
                attribute = attribute + (matcher.group(3) == null ? ".value" : matcher.group(3));
            }
            String value = matcher.group(5) != null ? unescape(matcher.group(5)) : matcher.group(4);
            comparisons.add(new Comparison(attribute.toLowerCase(Locale.ROOT), value));
            at = matcher.end();
            if (at == filter.length()) {
                return new ScimFilter(List.copyOf(comparisons));
            }
            Matcher and = AND.matcher(filter);
            and.region(at, filter.length());
            if (!and.lookingAt()) {
                throw ScimException.invalidFilter("Comparisons are joined by and.");
            }
            at = and.end();
        }
    }

    private static String unescape(String quoted) {
        return quoted.replaceAll("\\\\(.)", "$1");
    }
}
