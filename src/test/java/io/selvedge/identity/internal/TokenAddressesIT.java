package io.selvedge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditTrail;
import io.selvedge.identity.AccountRegistration;
import io.selvedge.identity.ApiScope;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.Trails;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The addresses kept per API token are bounded: a token used from more addresses than are kept keeps the
 * latest {@value TokenAddresses#KEPT_PER_TOKEN}, each new one on the trail once; an address this node has
 * seen costs nothing again.
 */
@SelvedgeIntegrationTest
class TokenAddressesIT {

    @Autowired
    TokenAddresses addresses;

    @Autowired
    StoredTokens tokens;

    @Autowired
    AccountRegistration registration;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcTemplate global;

    @Test
    void aTokenUsedFromManyAddressesKeepsTheLatestAndEachNewOneIsOnTheTrailOnce() throws Exception {
        String username = "roaming-" + UUID.randomUUID().toString().substring(0, 8);
        UUID account =
                registration.register(username, "a roaming token's passphrase", null, username + "@example.test");
        UUID token = UUID.randomUUID();
        Instant now = Instant.now();
        tokens.insert(
                token,
                account,
                "roaming",
                ApiTokenSecrets.sha256(ApiTokenSecrets.generate()),
                EnumSet.of(ApiScope.READ),
                now,
                now.plus(Duration.ofDays(1)));
        int used = TokenAddresses.KEPT_PER_TOKEN + 5;

        for (int i = 1; i <= used; i++) {
            addresses.used(account, token, "198.51.100." + i);
        }
        for (int i = 1; i <= used; i++) {
            addresses.used(account, token, "198.51.100." + i); // known to this node: no look-up, no event
        }
        addresses.used(account, token, "203.0.113.1");

        assertThat(global.queryForObject(
                        "select count(*) from api_token_address where token_id = ?", Integer.class, token))
                .isEqualTo(TokenAddresses.KEPT_PER_TOKEN);
        assertThat(awaitEntries(token, used + 1)).isEqualTo(used + 1);
    }

    /** How many uses from a new address of the token the platform trail holds, once it holds {@code expected}. */
    private long awaitEntries(UUID token, int expected) throws InterruptedException {
        AuditFilter uses =
                new AuditFilter(null, "token.used-from-new-address", "token", token.toString(), null, null, null);
        long found = Trails.awaitEntries(trail, null, uses, expected, Duration.ofSeconds(60))
                .size();
        // Entries follow the order of their commits: the last address's is last, so none more is on its way.
        return found;
    }
}
