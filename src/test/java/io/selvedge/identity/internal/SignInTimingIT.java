package io.selvedge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestServer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A wrong password and an unknown username (or e-mail address) cost the same: each runs exactly one
 * Argon2 comparison (the robust proof), and their median times agree within a generous factor (a coarse
 * one, safe on busy CI).
 */
@ExtendWith(TestDatabase.AvailableCondition.class)
class SignInTimingIT {

    static final String PASSWORD = "a pattern cut on the bias";
    static final int ROUNDS = 15;

    @Test
    void anUnknownUserCostsOneArgon2ComparisonLikeAWrongPassword() {
        try (TestServer server = TestServer.with()
                .property("selvedge.bootstrap.admin.username", "ada")
                .property("selvedge.bootstrap.admin.password", PASSWORD)
                .property("selvedge.bootstrap.admin.email", "ada@example.test")
                .property("selvedge.sign-in.free-failures", 1000)
                .property("selvedge.sign-in.free-failures-per-address", 1000)
                // Unknown names are budgeted apart (UnknownSignInNamesTest); the cost of one is under test here.
                .property("selvedge.sign-in.unknown-names-per-address", "1000/10m")
                .property("selvedge.sign-in.unknown-names", "1000/1m")
                // Every test of the class calls from one address: the per-address rate limits are not under test.
                .property("selvedge.protection.rate-limits.enabled", false)
                .start()) {
            Api api = new Api(server.client(), server::url);
            for (int i = 0; i < 3; i++) { // warm up every path
                api.createToken("ada", "wrong");
                api.createToken("nobody", "wrong");
                api.createToken("ada@example.test", "wrong");
                api.createToken("nobody@example.test", "wrong");
            }

            assertAlike(server, api, "ada", "nobody");
            // Signing in with an e-mail address: an unknown address costs what a wrong password does.
            assertAlike(server, api, "ada@example.test", "nobody@example.test");
        }
    }

    private static void assertAlike(TestServer server, Api api, String known, String unknown) {
        double checksBefore = checks(server);
        long[] wrongPassword = new long[ROUNDS];
        long[] unknownUser = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            wrongPassword[i] =
                    timed(() -> assertThat(api.createToken(known, "wrong " + 1).statusCode())
                            .isEqualTo(401));
            unknownUser[i] = timed(
                    () -> assertThat(api.createToken(unknown, "wrong " + 1).statusCode())
                            .isEqualTo(401));
        }

        assertThat(checks(server) - checksBefore).isEqualTo(2.0 * ROUNDS);
        double ratio = (double) median(unknownUser) / median(wrongPassword);
        assertThat(ratio)
                .as("median time of an unknown %s / of a wrong password for %s", unknown, known)
                .isBetween(0.5, 2.0);
    }

    private static double checks(TestServer server) {
        return server.bean(MeterRegistry.class)
                .get(IdentityConfiguration.PASSWORD_CHECKS)
                .counter()
                .count();
    }

    private static long timed(Runnable attempt) {
        long start = System.nanoTime();
        attempt.run();
        return System.nanoTime() - start;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
