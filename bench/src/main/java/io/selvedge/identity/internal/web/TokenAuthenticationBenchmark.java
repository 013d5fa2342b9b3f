package io.selvedge.identity.internal.web;

import io.selvedge.identity.ApiCaller;
import io.selvedge.identity.internal.BenchmarkTokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One API request's credential check, as {@link ApiTokenAuthenticationFilter} makes it: parse the
 * {@code Authorization} header, check the token's shape and checksum, SHA-256 it, find it in the node's
 * cache (warm: the token was used a moment ago), check expiry, account and owner. Target: under 50 µs.
 * {@code unknownToken} is a well-formed token that does not exist: a database look-up every time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenAuthenticationBenchmark {

    private BenchmarkTokens store;
    private ApiTokenAuthenticationFilter filter;
    private String bearer;
    private String basic;
    private String unknown;

    @Setup(Level.Trial)
    public void setUp() {
        store = new BenchmarkTokens();
        filter = new ApiTokenAuthenticationFilter(store.authenticator());
        bearer = "Bearer " + store.token();
        basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((store.username() + ":" + store.token()).getBytes(StandardCharsets.UTF_8));
        String other = new BenchmarkTokens().token(); // well-formed, but stored in another database
        unknown = "Bearer " + other;
        if (filter.callerOf(bearer, "127.0.0.1").isEmpty()
                || filter.callerOf(basic, "127.0.0.1").isEmpty()
                || filter.callerOf(unknown, "127.0.0.1").isPresent()) {
            throw new IllegalStateException("the benchmark's tokens do not authenticate as expected");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
    }

    @Benchmark
    public Optional<ApiCaller> bearerToken() {
        return filter.callerOf(bearer, "127.0.0.1");
    }

    @Benchmark
    public Optional<ApiCaller> basicUsernameAndToken() {
        return filter.callerOf(basic, "127.0.0.1");
    }

    @Benchmark
    public Optional<ApiCaller> unknownToken() {
        return filter.callerOf(unknown, "127.0.0.1");
    }
}
