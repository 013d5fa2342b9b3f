package io.selvedge.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-time links that create the first platform admin. The secret (256 random bits) is shown once;
 * only its SHA-256 is stored, so a copy of the database cannot be used to take over the installation.
 */
@Repository
@RequiredArgsConstructor
class SetupLinks {

    static final Duration LIFETIME = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    /** A new link's secret; every earlier unused link dies with it. */
    String issue() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        jdbc.sql("delete from setup_link where used_at is null").update();
        jdbc.sql("insert into setup_link (token_hash, created_at, expires_at) values (?, ?, ?)")
                .params(hash(token), Timestamp.from(now), Timestamp.from(now.plus(LIFETIME)))
                .update();
        return token;
    }

    boolean isValid(String token) {
        return jdbc.sql("select count(*) from setup_link where token_hash = ? and used_at is null and expires_at > ?")
                        .params(hash(token), Timestamp.from(clock.instant()))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Marks the link used; false if it was not valid (so two tabs cannot both use it). */
    boolean spend(String token) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("update setup_link set used_at = ? where token_hash = ? and used_at is null and expires_at > ?")
                        .params(now, hash(token), now)
                        .update()
                == 1;
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
