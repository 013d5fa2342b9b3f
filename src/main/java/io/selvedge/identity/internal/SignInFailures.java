package io.selvedge.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The sign_in_failure table of the global store: failures per subject (hashed) and factor. */
@Repository
class SignInFailures {

    record Count(int failures, Instant lastFailureAt) {}

    private final JdbcTemplate jdbc;

    SignInFailures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Count> find(String subjectHash, SignInFactor factor) {
        return jdbc
                .query(
                        "select failures, last_failure_at from sign_in_failure where subject_hash = ? and factor = ?",
                        (row, number) -> new Count(
                                row.getInt("failures"),
                                row.getTimestamp("last_failure_at").toInstant()),
                        subjectHash,
                        factor.name())
                .stream()
                .findFirst();
    }

    /** Adds a failure at {@code now}; a count last touched before {@code forgetBefore} starts again at one. */
    void add(String subjectHash, SignInFactor factor, Instant now, Instant forgetBefore) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.update(
                    "update sign_in_failure set failures = case when last_failure_at < ? then 1 else failures + 1 end,"
                            + " last_failure_at = ? where subject_hash = ? and factor = ?",
                    Timestamp.from(forgetBefore),
                    Timestamp.from(now),
                    subjectHash,
                    factor.name());
            if (updated > 0) {
                return;
            }
            try {
                jdbc.update(
                        "insert into sign_in_failure (subject_hash, factor, failures, last_failure_at)"
                                + " values (?, ?, 1, ?)",
                        subjectHash,
                        factor.name(),
                        Timestamp.from(now));
                return;
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                // the row exists now: count on it
            }
        }
    }

    void forget(String subjectHash, SignInFactor factor) {
        jdbc.update("delete from sign_in_failure where subject_hash = ? and factor = ?", subjectHash, factor.name());
    }
}
