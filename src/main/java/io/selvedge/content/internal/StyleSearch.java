package io.selvedge.content.internal;

import io.selvedge.content.Style;
import io.selvedge.crypto.FieldCipher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One search of a group's styles. The database selects the candidates by their {@link SearchTokens} (and
 * those not indexed yet); only candidates are decrypted: their names first, to sort them as the matcher
 * always has (name ignoring case, then id), then each in that order is checked with
 * {@link StyleLookupService#matches} until the limit is reached. The ranking and the results are those
 * of matching every live style, because every match is a candidate.
 */
@RequiredArgsConstructor
final class StyleSearch {

    private static final Comparator<Candidate> ORDER = Comparator.comparing(
                    Candidate::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(candidate -> candidate.row().id());

    private final StyleRepository rows;

    List<Style> search(
            JdbcClient jdbc, FieldCipher cipher, UUID groupId, List<String> terms, int limit, Predicate<UUID> visible) {
        short[] tokens = SearchTokens.ofQuery(cipher, terms);
        List<StyleRow> candidates;
        if (tokens.length == 0) {
            candidates = rows.liveInGroup(jdbc, groupId); // only 1-character terms: nothing to look up
        } else {
            candidates = new ArrayList<>(rows.liveWithTokens(jdbc, groupId, tokens));
            candidates.addAll(rows.liveUnindexed(jdbc, groupId));
        }
        List<Candidate> sorted = candidates.stream()
                .filter(row -> visible.test(row.id()))
                .map(row -> new Candidate(row, StyleRepository.NAME.decrypt(cipher, row.name(), row.id())))
                .sorted(ORDER)
                .toList();
        List<Style> found = new ArrayList<>();
        for (Candidate candidate : sorted) {
            Style style = candidate.row().decrypt(cipher);
            if (StyleLookupService.matches(style, terms)) {
                found.add(style);
                if (found.size() == limit) {
                    break;
                }
            }
        }
        return found;
    }

    private record Candidate(StyleRow row, String name) {}
}
