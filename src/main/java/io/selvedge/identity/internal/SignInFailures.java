package io.selvedge.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sign_in_failure table of the global store: failures per subject (hashed) and factor. */
@Repository
@RequiredArgsConstructor
class SignInFailures {

    record Count(int failures, Instant lastFailureAt) {}

    private final JdbcClient jdbc;

    Optional<Count> find(String subjectHash, SignInFactor factor) {
        return jdbc.sql("select failures, last_failure_at from sign_in_failure where subject_hash = ? and factor = ?")
                .params(subjectHash, factor.name())
                .query((row, number) -> new Count(
                        row.getInt("failures"),
                        row.getTimestamp("last_failure_at").toInstant()))
                .optional();
    }

    /** Adds a failure at {@code now}; a count last touched before {@code forgetBefore} starts again at one. */
    void add(String subjectHash, SignInFactor factor, Instant now, Instant forgetBefore) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.sql(
                            "update sign_in_failure set failures = case when last_failure_at < ? then 1 else failures + 1 end,"
                                    + " last_failure_at = ? where subject_hash = ? and factor = ?")
                    .params(Timestamp.from(forgetBefore), Timestamp.from(now), subjectHash, factor.name())
                    .update();
            if (updated > 0) {
                return;
            }
            try {
                jdbc.sql("insert into sign_in_failure (subject_hash, factor, failures, last_failure_at)"
                                + " values (?, ?, 1, ?)")
                        .params(subjectHash, factor.name(), Timestamp.from(now))
                        .update();
                return;
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                // the row exists now: count on it
            }
        }
    }

    void forget(String subjectHash, SignInFactor factor) {
        jdbc.sql("delete from sign_in_failure where subject_hash = ? and factor = ?")
                .params(subjectHash, factor.name())
                .update();
    }
}
