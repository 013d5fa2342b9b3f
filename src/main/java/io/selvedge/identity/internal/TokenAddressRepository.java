package io.selvedge.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_token_address} table: the keyed hashes of the addresses each token was used from. */
@Repository
@RequiredArgsConstructor
class TokenAddressRepository {

    private final JdbcClient jdbc;

    /** Whether the address was known for the token (its last use is then {@code now}). */
    boolean touch(UUID tokenId, String hash, Instant now) {
        return jdbc.sql("update api_token_address set seen_at = ? where token_id = ? and address_hash = ?")
                        .params(Timestamp.from(now), tokenId, hash)
                        .update()
                > 0;
    }

    void insert(UUID tokenId, String hash, Instant now) {
        jdbc.sql("insert into api_token_address (token_id, address_hash, seen_at) values (?, ?, ?)")
                .params(tokenId, hash, Timestamp.from(now))
                .update();
    }

    /** Forgets all but the {@code kept} addresses of the token seen last. */
    void keepNewest(UUID tokenId, int kept) {
        List<String> beyond = jdbc.sql("select address_hash from api_token_address where token_id = ?"
                        + " order by seen_at desc, address_hash offset " + kept + " rows")
                .param(tokenId)
                .query(String.class)
                .list();
        for (String dropped : beyond) {
            jdbc.sql("delete from api_token_address where token_id = ? and address_hash = ?")
                    .params(tokenId, dropped)
                    .update();
        }
    }
}
