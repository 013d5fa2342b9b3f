package io.selvedge.crypto.internal;

import io.selvedge.crypto.CryptoProperties;
import io.selvedge.crypto.ReEncryptable;
import io.selvedge.crypto.ReEncryptionJobs;
import io.selvedge.crypto.ReEncryptionProgress;
import io.selvedge.storage.GroupResidency;
import io.selvedge.storage.Stores;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Runs re-encryption jobs on one background thread: for each participant, batches of items in id order,
 * the cursor and counts written to {@code crypto_reencryption} after each batch. A failure stops the job
 * with its error recorded; the job resumes from its cursor on the next start or
 * {@link #resumeUnfinished}. Items are idempotent, so a batch redone after a crash does no harm.
 */
@Service
class ReEncryptionJobRunner implements ReEncryptionJobs, DisposableBean {

    /** Re-encryption jobs stopped by a failure (each resumes from its cursor at the next start or request). */
    static final String FAILED_METER = "selvedge.crypto.reencryption.failed";

    private static final Logger log = LoggerFactory.getLogger(ReEncryptionJobRunner.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final ObjectProvider<ReEncryptable> participants;
    private final Keysets keysets;
    private final TinkFieldCiphers fields;
    private final Stores stores;
    private final GroupResidency residency;
    private final Clock clock;
    private final int batchSize;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "re-encryption");
        thread.setDaemon(true);
        return thread;
    });

    ReEncryptionJobRunner(
            ObjectProvider<ReEncryptable> participants,
            Keysets keysets,
            TinkFieldCiphers fields,
            Stores stores,
            GroupResidency residency,
            Clock clock,
            CryptoProperties crypto) {
        this.participants = participants;
        this.keysets = keysets;
        this.fields = fields;
        this.stores = stores;
        this.residency = residency;
        this.clock = clock;
        this.batchSize = crypto.reEncryptionBatchSize();
    }

    @Override
    public UUID start(UUID groupId) {
        UUID jobId = UUID.randomUUID();
        JdbcClient jdbc = jdbcOf(groupId);
        Timestamp now = Timestamp.from(clock.instant());
        for (ReEncryptable participant : participants()) {
            jdbc.sql("insert into crypto_reencryption (job_id, participant, group_id, finished, rewritten, started_at,"
                            + " updated_at) values (?, ?, ?, false, 0, ?, ?)")
                    .params(jobId, participant.name(), groupId, now, now)
                    .update();
        }
        executor.execute(() -> run(groupId, jobId));
        return jobId;
    }

    @Override
    public List<ReEncryptionProgress> progress(UUID groupId, UUID jobId) {
        return jdbcOf(groupId)
                .sql("select job_id, group_id, participant, finished, cursor_id, rewritten, last_error, started_at,"
                        + " updated_at from crypto_reencryption where job_id = ? order by participant")
                .param(jobId)
                .query((rs, n) -> new ReEncryptionProgress(
                        rs.getObject("job_id", UUID.class),
                        rs.getObject("group_id", UUID.class),
                        rs.getString("participant"),
                        rs.getBoolean("finished"),
                        rs.getString("cursor_id"),
                        rs.getLong("rewritten"),
                        rs.getString("last_error"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    @Override
    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinished() {
        for (String region : stores.regions()) {
            JdbcClient.create(stores.region(region).dataSource())
                    .sql("select distinct job_id, group_id from crypto_reencryption where finished = false")
                    .query((rs, n) ->
                            Map.entry(rs.getObject("job_id", UUID.class), rs.getObject("group_id", UUID.class)))
                    .list()
                    .forEach(job -> executor.execute(() -> run(job.getValue(), job.getKey())));
        }
    }

    /** Runs one job to its end or its first failure, on the calling thread. */
    void run(UUID groupId, UUID jobId) {
        if (!running.add(jobId)) {
            return; // already running here
        }
        try {
            KeyOwner owner = keysets.ownerOf(groupId);
            keysets.reload(owner);
            FieldReEncryption reEncryption = new FieldReEncryption(owner, fields);
            RuntimeException stopped = null;
            for (ReEncryptionProgress progress : progress(groupId, jobId)) {
                if (!progress.finished()) {
                    try {
                        runParticipant(progress, reEncryption);
                    } catch (RuntimeException e) {
                        // recorded on its progress; one participant that stops holds back no other
                        stopped = stopped == null ? e : stopped;
                    }
                }
            }
            if (stopped != null) {
                throw stopped;
            }
        } catch (RuntimeException e) {
            log.error("Re-encryption job {} of group {} stopped; it resumes from its cursor", jobId, groupId, e);
            // monitoring raises an alert on it (key-rotation-failing)
            io.micrometer.core.instrument.Metrics.counter(FAILED_METER).increment();
        } finally {
            running.remove(jobId);
        }
    }

    private void runParticipant(ReEncryptionProgress progress, FieldReEncryption reEncryption) {
        JdbcClient jdbc = jdbcOf(progress.groupId());
        String cursor = progress.cursor();
        long rewritten = progress.rewritten();
        try {
            ReEncryptable participant = participant(progress.participant())
                    .orElseThrow(() -> new IllegalStateException(
                            "No participant named " + progress.participant() + " in this build"));
            while (true) {
                List<String> items = participant.itemsAfter(progress.groupId(), cursor, batchSize);
                if (items.isEmpty()) {
                    break;
                }
                for (String item : items) {
                    if (participant.reEncrypt(progress.groupId(), item, reEncryption)) {
                        rewritten++;
                    }
                }
                cursor = items.get(items.size() - 1);
                record(jdbc, progress, false, cursor, rewritten, null);
            }
            record(jdbc, progress, true, cursor, rewritten, null);
            log.info(
                    "Re-encryption job {} finished {} for group {}: {} items rewritten",
                    progress.jobId(),
                    progress.participant(),
                    progress.groupId(),
                    rewritten);
        } catch (RuntimeException e) {
            String error = e.getClass().getName() + ": " + e.getMessage();
            record(
                    jdbc,
                    progress,
                    false,
                    cursor,
                    rewritten,
                    error.substring(0, Math.min(error.length(), MAX_ERROR_LENGTH)));
            throw e;
        }
    }

    private void record(
            JdbcClient jdbc,
            ReEncryptionProgress progress,
            boolean finished,
            String cursor,
            long rewritten,
            String error) {
        jdbc.sql("update crypto_reencryption set finished = ?, cursor_id = ?, rewritten = ?, last_error = ?,"
                        + " updated_at = ? where job_id = ? and participant = ?")
                .params(
                        finished,
                        cursor,
                        rewritten,
                        error,
                        Timestamp.from(clock.instant()),
                        progress.jobId(),
                        progress.participant())
                .update();
    }

    private List<ReEncryptable> participants() {
        return participants
                .orderedStream()
                .sorted(Comparator.comparing(ReEncryptable::name))
                .toList();
    }

    private Optional<ReEncryptable> participant(String name) {
        return participants.orderedStream().filter(p -> p.name().equals(name)).findFirst();
    }

    private JdbcClient jdbcOf(UUID groupId) {
        DataSource dataSource = residency.storeOf(groupId).dataSource();
        return JdbcClient.create(dataSource);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
