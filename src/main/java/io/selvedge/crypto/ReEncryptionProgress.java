package io.selvedge.crypto;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How far a re-encryption job has come for one participant.
 *
 * @param cursor the id of the last item done ({@code null} before the first batch)
 * @param lastError the last failure's class and message, if it stopped on one; the job resumes from the cursor
 */
public record ReEncryptionProgress(
        UUID jobId,
        UUID groupId,
        String participant,
        boolean finished,
        @Nullable String cursor,
        long rewritten,
        @Nullable String lastError,
        Instant startedAt,
        Instant updatedAt) {}
