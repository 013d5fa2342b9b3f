package io.selvedge.content.internal;

import io.selvedge.content.InvalidContentException;
import io.selvedge.content.NoSuchContentException;
import io.selvedge.content.Style;
import io.selvedge.content.StyleLookups;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.ResourceHomes;
import io.selvedge.storage.ResourceKind;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Search matches word prefixes of the group's live styles: the database finds candidates by their
 * blind-indexed tokens, and only those are decrypted and matched ({@link StyleSearch}).
 */
@Service
class StyleLookupService implements StyleLookups {

    static final int MAX_QUERY = 200;
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final ResourceHomes homes;
    private final GroupDataPlanes planes;
    private final FieldCiphers ciphers;
    private final StyleRepository rows;
    private final StyleSearch search;

    StyleLookupService(ResourceHomes homes, GroupDataPlanes planes, FieldCiphers ciphers, StyleRepository rows) {
        this.homes = homes;
        this.planes = planes;
        this.ciphers = ciphers;
        this.rows = rows;
        this.search = new StyleSearch(rows);
    }

    @Override
    public List<Style> search(UUID groupId, String query, int limit, Predicate<UUID> visible) {
        List<String> terms = words(query == null ? "" : query);
        if (terms.isEmpty() || query.length() > MAX_QUERY) {
            throw new InvalidContentException("Search for 1 to " + MAX_QUERY + " characters of words.");
        }
        if (limit < 1 || limit > StyleService.MAX_LIMIT) {
            throw new InvalidContentException("The limit is 1 to " + StyleService.MAX_LIMIT + ".");
        }
        return search.search(planes.of(groupId).jdbc(), ciphers.of(groupId), groupId, terms, limit, visible);
    }

    /** Whether every term is a prefix of some word of the style's name, tags or description. */
    static boolean matches(Style style, List<String> terms) {
        Set<String> words = new HashSet<>(words(style.name()));
        style.tags().forEach(tag -> words.addAll(words(tag)));
        words.addAll(words(style.description()));
        return terms.stream().allMatch(term -> words.stream().anyMatch(word -> word.startsWith(term)));
    }

    static List<String> words(String text) {
        return Arrays.stream(WORDS.split(text.toLowerCase(Locale.ROOT)))
                .filter(word -> !word.isEmpty())
                .toList();
    }

    @Override
    public Set<UUID> favouredBy(UUID styleId) {
        UUID groupId = groupOf(styleId);
        return Set.copyOf(rows.favourers(planes.of(groupId).jdbc(), styleId));
    }

    @Override
    public UUID groupOf(UUID styleId) {
        return homes.groupOf(styleId, ResourceKind.STYLE).orElseThrow(NoSuchContentException::new);
    }
}
