package io.selvedge.identity.internal;

import io.selvedge.platform.NodeNotices;
import io.selvedge.identity.ApiScope;
import io.selvedge.identity.IdentityProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** A global store in memory (H2, the real migrations) with one account and one token, for benchmarks. */
public final class BenchmarkTokens implements AutoCloseable {

    private final SingleConnectionDataSource dataSource;
    private final TokenAuthenticator authenticator;
    private final String token;
    private final String username = "bench";

    public BenchmarkTokens() {
        dataSource = new SingleConnectionDataSource(
                "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "", true);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/global")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        // No field ciphers: an account without an e-mail address or display name encrypts nothing.
        Accounts accounts = new Accounts(jdbc, null);
        Account account = accounts.createStaff(username, "not a hash", StaffRole.SUPPORT);
        token = ApiTokenSecrets.generate();
        Instant now = Instant.now();
        BenchmarkCiphers ciphers = new BenchmarkCiphers();
        StoredTokens tokens = new StoredTokens(jdbc, ciphers);
        tokens.insert(
                UUID.randomUUID(),
                account.id(),
                "benchmark",
                ApiTokenSecrets.sha256(token),
                EnumSet.of(ApiScope.READ, ApiScope.WRITE),
                now,
                now.plus(Duration.ofDays(90)));
        IdentityProperties defaults = new IdentityProperties(
                new IdentityProperties.SignIn(
                        5,
                        20,
                        Duration.ofSeconds(1),
                        Duration.ofMinutes(15),
                        Duration.ofHours(24),
                        io.selvedge.protection.ProtectionProperties.Limit.parse("10/10m"),
                        io.selvedge.protection.ProtectionProperties.Limit.parse("100/1m"),
                        Duration.ofSeconds(10)),
                new IdentityProperties.Sessions(Duration.ofMinutes(30), Duration.ofHours(12)),
                new IdentityProperties.Tokens(
                        Duration.ofDays(90), Duration.ofDays(365), Duration.ofSeconds(10), Duration.ofMinutes(1)));
        MfaPolicy mfa = new MfaPolicy(
                new org.springframework.beans.factory.support.StaticListableBeanFactory(
                                java.util.Map.of("staff", new StaffMfaRequirement(accounts)))
                        .getBeanProvider(io.selvedge.identity.MfaRequirement.class),
                accounts,
                new TotpSecrets(jdbc),
                new PasskeyRows(jdbc),
                new StaffPasskeys(
                        new io.selvedge.identity.StaffProperties(false, Duration.ofMinutes(15), Duration.ofHours(8), true),
                        new PasskeyRows(jdbc)));
        // A use from an address new to the token is recorded (and published: nobody listens here) once.
        TokenAddresses addresses = new TokenAddresses(
                new TokenAddressRepository(jdbc),
                ciphers,
                event -> {},
                new DataSourceTransactionManager(dataSource),
                Clock.systemUTC());
        // One node: nothing to tell the others of, and nothing here revokes.
        NodeNotices oneNode = new NodeNotices() {
            @Override
            public void tell(String topic, String subject) {}

            @Override
            public void onNotice(String topic, java.util.function.Consumer<String> handler) {}
        };
        authenticator = new TokenAuthenticator(tokens, defaults, Clock.systemUTC(), mfa, addresses, oneNode);
    }

    public TokenAuthenticator authenticator() {
        return authenticator;
    }

    public String token() {
        return token;
    }

    public String username() {
        return username;
    }

    @Override
    public void close() {
        dataSource.destroy();
    }
}
