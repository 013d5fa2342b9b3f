package io.selvedge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.crypto.ReEncryptionJobs;
import io.selvedge.crypto.ReEncryptionProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/** Waits for a group's key rotation: the re-encryption job that rewrites its data under the new key. */
public final class KeyRotations {

    private KeyRotations() {}

    /** Every participant's progress once all have finished; fails at the first error, or after a minute. */
    public static List<ReEncryptionProgress> awaitFinished(ReEncryptionJobs jobs, UUID group, UUID job) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            List<ReEncryptionProgress> progress = jobs.progress(group, job);
            assertThat(progress).allSatisfy(p -> assertThat(p.lastError()).isNull());
            if (!progress.isEmpty() && progress.stream().allMatch(ReEncryptionProgress::finished)) {
                return progress;
            }
            pause();
        }
        throw new AssertionError("The job did not finish in time: " + jobs.progress(group, job));
    }

    /** The one participant's progress once it meets the condition; fails when it has not {@code within}. */
    public static ReEncryptionProgress awaitParticipant(
            ReEncryptionJobs jobs,
            UUID group,
            UUID job,
            String participant,
            Predicate<ReEncryptionProgress> condition,
            Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            List<ReEncryptionProgress> progress = jobs.progress(group, job).stream()
                    .filter(p -> p.participant().equals(participant))
                    .toList();
            if (progress.size() == 1 && condition.test(progress.get(0))) {
                return progress.get(0);
            }
            pause();
        }
        throw new AssertionError("The job did not get there in time: " + jobs.progress(group, job));
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
