package io.selvedge.identity.internal;

import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.identity.ApiScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The api_token table of the global store. Only the SHA-256 of a token is ever written; the address it was
 * last used from is encrypted under the directory keys (it is personal data), bound to the token's row.
 */
@Repository
@RequiredArgsConstructor
class StoredTokens {

    /** The encrypted column of a token, declared once: the address it was last used from. */
    static final EncryptedTable TABLE = EncryptedTable.named("api_token");

    static final EncryptedColumn LAST_USED_FROM = TABLE.column("last_used_from");

    private static final String SELECT =
            "select t.id, t.account_id, a.username, a.staff_role, a.status, a.mfa_enrolled, t.name,"
                    + " t.token_hash, t.scopes, t.created_at, t.expires_at, t.last_used_at, t.last_used_from,"
                    + " t.sso_connection_id"
                    + " from api_token t join account a on a.id = t.account_id";

    private final JdbcClient jdbc;
    private final FieldCiphers ciphers;

    /** A token made with a password (no single sign-on behind it). */
    void insert(
            UUID id, UUID accountId, String name, byte[] hash, Set<ApiScope> scopes, Instant now, Instant expiresAt) {
        insert(id, accountId, name, hash, scopes, now, expiresAt, null);
    }

    void insert(
            UUID id,
            UUID accountId,
            String name,
            byte[] hash,
            Set<ApiScope> scopes,
            Instant now,
            Instant expiresAt,
            @Nullable UUID ssoConnectionId) {
        jdbc.sql("insert into api_token (id, account_id, name, token_hash, scopes, created_at, expires_at,"
                        + " sso_connection_id) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        accountId,
                        name,
                        HexFormat.of().formatHex(hash),
                        scopes.stream().map(ApiScope::id).sorted().collect(Collectors.joining(",")),
                        Timestamp.from(now),
                        Timestamp.from(expiresAt),
                        ssoConnectionId)
                .update();
    }

    Optional<StoredToken> findByHash(byte[] hash) {
        return jdbc.sql(SELECT + " where t.token_hash = ?")
                .param(HexFormat.of().formatHex(hash))
                .query(this::toToken)
                .optional();
    }

    List<StoredToken> ofAccount(UUID accountId) {
        return jdbc.sql(SELECT + " where t.account_id = ? order by t.created_at desc")
                .param(accountId)
                .query(this::toToken)
                .list();
    }

    boolean delete(UUID accountId, UUID tokenId) {
        return jdbc.sql("delete from api_token where id = ? and account_id = ?")
                        .params(tokenId, accountId)
                        .update()
                == 1;
    }

    /** Revokes every token of the account; returns how many. */
    int deleteAllOf(UUID accountId) {
        return jdbc.sql("delete from api_token where account_id = ?")
                .param(accountId)
                .update();
    }

    void recordUse(UUID tokenId, Instant at, String from) {
        jdbc.sql("update api_token set last_used_at = ?, last_used_from = ? where id = ?")
                .params(Timestamp.from(at), LAST_USED_FROM.encrypt(ciphers.directory(), from, tokenId), tokenId)
                .update();
    }

    private StoredToken toToken(ResultSet row, int number) throws SQLException {
        String staffRole = row.getString("staff_role");
        UUID id = row.getObject("id", UUID.class);
        Timestamp lastUsed = row.getTimestamp("last_used_at");
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(row.getString("scopes").split(","))
                .filter(scope -> !scope.isBlank())
                .forEach(scope -> scopes.add(ApiScope.of(scope)));
        return new StoredToken(
                id,
                row.getObject("account_id", UUID.class),
                row.getString("username"),
                staffRole == null ? null : StaffRole.valueOf(staffRole),
                AccountStatus.valueOf(row.getString("status")),
                row.getBoolean("mfa_enrolled"),
                row.getString("name"),
                HexFormat.of().parseHex(row.getString("token_hash")),
                scopes,
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("expires_at").toInstant(),
                lastUsed == null ? null : lastUsed.toInstant(),
                LAST_USED_FROM.decrypt(ciphers.directory(), row.getString("last_used_from"), id),
                row.getObject("sso_connection_id", UUID.class));
    }
}
