package io.selvedge.content.internal;

import io.selvedge.content.Style;
import io.selvedge.crypto.FieldCipher;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The blind-indexed search tokens of a style: for each word of its name, tags and description (as
 * {@link StyleLookupService#words} splits them), keyed hashes (the group's blind-index key) of its first
 * 3, 4 and 6 characters, cut to 16 bits. A query term is looked up by its longest such prefix: every style
 * with a word the term starts with carries that token, so the tokens select a superset of the matches,
 * which search decrypts and checks. Terms of 1 or 2 characters have no token (a query of only such terms
 * decrypts every live style, as their matches are many anyway). Prefixes, not words, and 16 bits keep a
 * style's tokens few and small (bench/README.md) and make each token stand for many prefixes; a style's
 * chance of carrying an unrelated term's token is about its number of tokens in 65,536, an extra
 * candidate that the check drops.
 */
final class SearchTokens {

    /** The blind index's name: tokens differ from every other index of the same prefixes. */
    static final String INDEX = "content_style.search";

    /** The prefix lengths indexed, ascending. */
    private static final int[] LENGTHS = {3, 4, 6};

    private SearchTokens() {}

    /** The tokens to store for a style: distinct and ascending. */
    static short[] of(FieldCipher cipher, Style style) {
        return of(cipher, style.name(), style.description(), style.tags());
    }

    static short[] of(FieldCipher cipher, String name, String description, Collection<String> tags) {
        TreeSet<String> prefixes = new TreeSet<>();
        addPrefixes(prefixes, StyleLookupService.words(name));
        tags.forEach(tag -> addPrefixes(prefixes, StyleLookupService.words(tag)));
        addPrefixes(prefixes, StyleLookupService.words(description));
        return distinct(prefixes.stream().mapToInt(prefix -> token(cipher, prefix)));
    }

    /** The tokens every style that matches all the query's terms carries; empty when no term has one. */
    static short[] ofQuery(FieldCipher cipher, List<String> terms) {
        return distinct(terms.stream()
                .filter(term -> term.length() >= LENGTHS[0])
                .map(term -> term.substring(0, longestIndexed(term.length())))
                .mapToInt(prefix -> token(cipher, prefix)));
    }

    private static int longestIndexed(int length) {
        int longest = LENGTHS[0];
        for (int indexed : LENGTHS) {
            if (indexed <= length) {
                longest = indexed;
            }
        }
        return longest;
    }

    private static void addPrefixes(TreeSet<String> prefixes, List<String> words) {
        for (String word : words) {
            for (int length : LENGTHS) {
                if (word.length() >= length) {
                    prefixes.add(word.substring(0, length));
                }
            }
        }
    }

    private static int token(FieldCipher cipher, String prefix) {
        return ByteBuffer.wrap(cipher.blindIndex(INDEX, prefix)).getShort();
    }

    private static short[] distinct(IntStream tokens) {
        int[] sorted = tokens.distinct().sorted().toArray();
        short[] result = new short[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            result[i] = (short) sorted[i];
        }
        return result;
    }
}
