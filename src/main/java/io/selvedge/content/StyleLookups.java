package io.selvedge.content;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** Look-ups across a group's styles for collaboration: search, and who favours a style. */
public interface StyleLookups {

    /**
     * The live styles of a group that pass {@code visible} and match every word of the query (a prefix of
     * a word of the name, a tag or the description, case-insensitive); names sorted. The fields are
     * encrypted at rest: the database finds candidates by blind-indexed tokens of word prefixes, and only
     * those are decrypted and matched (see bench/README.md).
     */
    List<Style> search(UUID groupId, String query, int limit, Predicate<UUID> visible);

    /** The accounts that favour a style. */
    Set<UUID> favouredBy(UUID styleId);

    /** The group of a style, live or deleted; {@link NoSuchContentException} for an unknown one. */
    UUID groupOf(UUID styleId);
}
