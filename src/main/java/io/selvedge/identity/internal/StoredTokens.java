package io.selvedge.identity.internal;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The api_token table of the global store. Only the SHA-256 of a token is ever written; the address it was
 * last used from is encrypted under the directory keys (it is personal data), bound to the token's row.
 */
@Repository
class StoredTokens {

    private static final String TABLE = "api_token";
    private static final String LAST_USED_FROM = "last_used_from";

    private static final String SELECT =
            "select t.id, t.account_id, a.username, a.staff_role, a.status, a.mfa_enrolled, t.name,"
                    + " t.token_hash, t.scopes, t.created_at, t.expires_at, t.last_used_at, t.last_used_from"
                    + " from api_token t join account a on a.id = t.account_id";

    private final JdbcTemplate jdbc;
    private final FieldCiphers ciphers;

    StoredTokens(JdbcTemplate jdbc, FieldCiphers ciphers) {
        this.jdbc = jdbc;
        this.ciphers = ciphers;
    }

    void insert(
            UUID id, UUID accountId, String name, byte[] hash, Set<ApiScope> scopes, Instant now, Instant expiresAt) {
        jdbc.update(
                "insert into api_token (id, account_id, name, token_hash, scopes, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                id,
                accountId,
                name,
                HexFormat.of().formatHex(hash),
                scopes.stream().map(ApiScope::id).sorted().collect(Collectors.joining(",")),
                Timestamp.from(now),
                Timestamp.from(expiresAt));
    }

    Optional<StoredToken> findByHash(byte[] hash) {
        return jdbc
                .query(
                        SELECT + " where t.token_hash = ?",
                        this::toToken,
                        HexFormat.of().formatHex(hash))
                .stream()
                .findFirst();
    }

    List<StoredToken> ofAccount(UUID accountId) {
        return jdbc.query(SELECT + " where t.account_id = ? order by t.created_at desc", this::toToken, accountId);
    }

    boolean delete(UUID accountId, UUID tokenId) {
        return jdbc.update("delete from api_token where id = ? and account_id = ?", tokenId, accountId) == 1;
    }

    /** Revokes every token of the account; returns how many. */
    int deleteAllOf(UUID accountId) {
        return jdbc.update("delete from api_token where account_id = ?", accountId);
    }

    void recordUse(UUID tokenId, Instant at, String from) {
        jdbc.update(
                "update api_token set last_used_at = ?, last_used_from = ? where id = ?",
                Timestamp.from(at),
                from == null ? null : ciphers.directory().encryptText(from, TABLE, LAST_USED_FROM, tokenId.toString()),
                tokenId);
    }

    private StoredToken toToken(ResultSet row, int number) throws SQLException {
        String staffRole = row.getString("staff_role");
        UUID id = row.getObject("id", UUID.class);
        String lastUsedFrom = row.getString(LAST_USED_FROM);
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
                lastUsedFrom == null
                        ? null
                        : ciphers.directory().decryptText(lastUsedFrom, TABLE, LAST_USED_FROM, id.toString()));
    }
}
