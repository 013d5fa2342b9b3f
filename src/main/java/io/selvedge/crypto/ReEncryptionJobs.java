package io.selvedge.crypto;

import java.util.List;
import java.util.UUID;

/**
 * The background jobs that re-encrypt a group's data after a key rotation, driving every
 * {@link ReEncryptable}. Progress is stored in the group's regional store; unfinished jobs resume when
 * the application starts, and whenever {@link #resumeUnfinished} is called.
 */
public interface ReEncryptionJobs {

    /** Starts a job over every participant for the group; returns its id. Runs in the background. */
    UUID start(UUID groupId);

    /** The progress of each participant of a job, in participant-name order; empty if the job is unknown. */
    List<ReEncryptionProgress> progress(UUID groupId, UUID jobId);

    /** Resumes, in the background, the jobs of every region that have not finished. */
    void resumeUnfinished();
}
