package io.selvedge.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.identity.AccountRegistration;
import io.selvedge.testing.Mailbox;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on the same stores run each job one at a time through its lock row: while another node holds the
 * mail dispatcher's lock neither of them sends the outbox; once that node's lock expires (it died) the job goes
 * on, on one of them, and each mail leaves once although both poll every tenth of a second.
 */
@ExtendWith(TestDatabase.AvailableCondition.class)
class JobsOnOneNodeIT {

    static final String JOB = "notify.mail-dispatcher";

    @Test
    void aJobRunsOnOneNodeAtATimeAndGoesOnWhenTheNodeHoldingItsLockDies() throws Exception {
        try (TestServer first = TestServer.with()
                        .property(Mailbox.FAST_DELIVERY, "100ms")
                        .property("selvedge.protection.rate-limits.enabled", false)
                        .start();
                TestServer second =
                        TestServer.Settings.sameInstallationAs(first).start()) {
            JdbcClient global = JdbcClient.create(first.bean(DataSource.class));
            String email = "iris." + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
            first.bean(AccountRegistration.class)
                    .register("iris-" + email.substring(5, 13), "selvage is spelt otherwise", "Iris", email);
            Mailbox mailbox = Mailbox.of(first);

            holdTheLockAsADeadNode(global, Instant.now().plus(Duration.ofDays(1)));
            askForReset(second, email);
            Thread.sleep(2_000); // twenty polls of each node

            assertThat(mailbox.to(email))
                    .as("neither node sent while the lock was held elsewhere")
                    .isEmpty();

            holdTheLockAsADeadNode(global, Instant.now().minus(Duration.ofDays(1)));
            mailbox.awaitMail(email, "Reset your Selvedge password", 1);
            Thread.sleep(1_000);

            assertThat(mailbox.to(email)).as("sent once, by one node").hasSize(1);
            assertThat(global.sql("SELECT locked_by FROM job_lock WHERE name = ?")
                            .param(JOB)
                            .query(String.class)
                            .single())
                    .as("taken over by a live node")
                    .isNotEqualTo("a node that died");
        }
    }

    /**
     * Writes the job's lock row as a node that died would have left it, until {@code until}; written again if a run
     * that was under way when it was written released the lock over it.
     */
    private static void holdTheLockAsADeadNode(JdbcClient global, Instant until) throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int updated = global.sql("UPDATE job_lock SET lock_until = ?, locked_by = ? WHERE name = ?")
                    .params(Timestamp.from(until), "a node that died", JOB)
                    .update();
            if (updated == 0) {
                global.sql("INSERT INTO job_lock (name, lock_until, locked_at, locked_by) VALUES (?, ?, ?, ?)")
                        .params(JOB, Timestamp.from(until), Timestamp.from(Instant.now()), "a node that died")
                        .update();
            }
            Thread.sleep(300);
            String holder = global.sql("SELECT locked_by FROM job_lock WHERE name = ?")
                    .param(JOB)
                    .query(String.class)
                    .single();
            if ("a node that died".equals(holder) || until.isBefore(Instant.now())) {
                return;
            }
        }
        throw new AssertionError("the lock row kept being overwritten");
    }

    private static void askForReset(TestServer node, String email) {
        assertThat(TestHttps.send(
                                node.client(),
                                HttpRequest.newBuilder(node.url("/api/v1/auth/password-reset"))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"usernameOrEmail\":\"" + email + "\"}"))
                                        .build())
                        .statusCode())
                .isEqualTo(202);
    }
}
