package io.selvedge.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A style of a workroom, decrypted. The account ids are ids, not content: they are stored in clear.
 *
 * @param statusBy who set the status last; null while it is the initial {@link StyleStatus#IN_REVIEW}
 * @param stage the id of the workflow stage it is in ({@link Stages})
 */
public record Style(
        UUID id,
        UUID groupId,
        UUID workroomId,
        String name,
        String description,
        List<String> tags,
        StyleStatus status,
        @Nullable UUID statusBy,
        @Nullable Instant statusAt,
        UUID createdBy,
        Instant createdAt,
        UUID updatedBy,
        Instant updatedAt,
        String stage) {

    public Style {
        tags = List.copyOf(tags);
    }
}
