package io.selvedge.sso.internal.saml;

import io.selvedge.storage.Stores;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of SAML sign-ins, in the global store so every node sees it: the outstanding AuthnRequests of
 * each browser ({@code sso_saml_request}) and the assertions used ({@code sso_saml_assertion_use}). Rows
 * past their expiry are deleted as new ones are written.
 */
@Repository
class SamlRepository implements AssertionReplayCache {

    private final JdbcClient global;

    SamlRepository(Stores stores) {
        this.global = JdbcClient.create(stores.global().dataSource());
    }

    /** A request a browser was sent with. */
    record OutstandingRequest(String requestId, String relayState) {}

    void remember(String requestId, UUID connectionId, String browser, String relayState, Instant expiresAt) {
        global.sql("delete from sso_saml_request where expires_at < ?")
                .param(Timestamp.from(Instant.now()))
                .update();
        global.sql("insert into sso_saml_request (request_id, connection_id, browser_hash, relay_state, expires_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(requestId, connectionId, sha256(browser), relayState, Timestamp.from(expiresAt))
                .update();
    }

    /** The requests of this browser for this connection that have not expired. */
    List<OutstandingRequest> outstanding(UUID connectionId, String browser, Instant now) {
        return global.sql("select request_id, relay_state from sso_saml_request"
                        + " where connection_id = ? and browser_hash = ? and expires_at > ?")
                .params(connectionId, sha256(browser), Timestamp.from(now))
                .query((rs, n) -> new OutstandingRequest(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** The browser's requests for the connection are used up by a sign-in. */
    void forget(UUID connectionId, String browser) {
        global.sql("delete from sso_saml_request where connection_id = ? and browser_hash = ?")
                .params(connectionId, sha256(browser))
                .update();
    }

    @Override
    public boolean firstUse(String issuer, String assertionId, Instant expiresAt) {
        Timestamp now = Timestamp.from(Instant.now());
        global.sql("delete from sso_saml_assertion_use where expires_at < ?")
                .param(now)
                .update();
        try {
            global.sql("insert into sso_saml_assertion_use (use_hash, expires_at) values (?, ?)")
                    .params(sha256(issuer + "\n" + assertionId), Timestamp.from(expiresAt))
                    .update();
            return true;
        } catch (DuplicateKeyException replay) {
            return false;
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
