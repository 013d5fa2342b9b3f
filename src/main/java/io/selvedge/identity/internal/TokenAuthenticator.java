package io.selvedge.identity.internal;

import io.selvedge.identity.ApiCaller;
import io.selvedge.identity.ApiScope;
import io.selvedge.identity.IdentityProperties;
import io.selvedge.identity.Usernames;
import io.selvedge.platform.NodeNotices;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Checks the API token of a request. What was read of a token is kept for {@code selvedge.tokens.cache-for}
 * (10 s), so a busy client costs no database read per request; a revocation, or a change of its account,
 * clears it on every node at once ({@link NodeNotices}), the expiry being the bound only for a notice lost. The last use is written at most once a minute per token.
 * Unknown tokens are not cached, so guessing cannot fill the cache. A use from an address new to the token
 * is recorded and published ({@link TokenAddresses}).
 */
@Service
public class TokenAuthenticator {

    static final int MOST_CACHED = 10_000;
    static final String TOKEN_CHANGED = "identity.token";
    static final String ACCOUNT_CHANGED = "identity.account-tokens";

    private final StoredTokens tokens;
    private final IdentityProperties.Tokens settings;
    private final Clock clock;
    private final MfaPolicy mfa;
    private final TokenAddresses addresses;
    private final NodeNotices notices;
    private final Map<ByteBuffer, Cached> cache = new ConcurrentHashMap<>();

    TokenAuthenticator(
            StoredTokens tokens,
            IdentityProperties properties,
            Clock clock,
            MfaPolicy mfa,
            TokenAddresses addresses,
            NodeNotices notices) {
        this.tokens = tokens;
        this.notices = notices;
        notices.onNotice(
                TOKEN_CHANGED,
                subject -> forgetHere(subject, cached -> cached.token().id()));
        notices.onNotice(
                ACCOUNT_CHANGED,
                subject -> forgetHere(subject, cached -> cached.token().accountId()));
        this.mfa = mfa;
        this.addresses = addresses;
        this.settings = properties.tokens();
        this.clock = clock;
    }

    /**
     * The caller the token stands for; empty when it is malformed, unknown, expired or revoked, when its
     * account is disabled, or when {@code username} (from Basic authentication; null for Bearer) is not its
     * owner's.
     */
    public Optional<ApiCaller> authenticate(String token, String username, String clientAddress) {
        if (!ApiTokenSecrets.wellFormed(token)) {
            return Optional.empty();
        }
        byte[] hash = ApiTokenSecrets.sha256(token);
        Instant now = clock.instant();
        Cached cached = cache.get(ByteBuffer.wrap(hash));
        if (cached == null || cached.loadedAt().plus(settings.cacheFor()).isBefore(now)) {
            cached = load(hash, now);
            if (cached == null) {
                return Optional.empty();
            }
        }
        StoredToken stored = cached.token();
        if (!MessageDigest.isEqual(hash, stored.hash())
                || !stored.expiresAt().isAfter(now)
                || stored.accountStatus() != AccountStatus.ACTIVE
                || (username != null && !Usernames.normalise(username).equals(stored.username()))) {
            return Optional.empty();
        }
        recordUse(cached, now, clientAddress);
        addresses.used(stored.accountId(), stored.id(), clientAddress);
        return Optional.of(withCurrentMfaRequirement(cached.caller()));
    }

    /**
     * Whether an account must use MFA can begin between two loads of its token (a grant makes it a group
     * admin, a group's policy starts requiring MFA): until it has enrolled, it is asked on every request.
     */
    private ApiCaller withCurrentMfaRequirement(ApiCaller caller) {
        if (caller.mfaEnrolled() || caller.mfaRequired() || !mfa.required(caller.accountId())) {
            return caller;
        }
        return new ApiCaller(
                caller.accountId(),
                caller.username(),
                caller.staffRole(),
                false,
                true,
                caller.tokenId(),
                caller.scopes());
    }

    /** Forgets a token at once on every node, after it was revoked. */
    void forget(UUID tokenId) {
        notices.tell(TOKEN_CHANGED, tokenId.toString());
    }

    /** Forgets every token of an account at once on every node, after its status or MFA state changed. */
    void forgetAccount(UUID accountId) {
        notices.tell(ACCOUNT_CHANGED, accountId.toString());
    }

    private void forgetHere(String subject, Function<Cached, UUID> idOf) {
        if (NodeNotices.EVERYTHING.equals(subject)) {
            cache.clear();
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            cache.clear(); // not a notice of ours: forget too much rather than too little
            return;
        }
        cache.values().removeIf(cached -> idOf.apply(cached).equals(id));
    }

    private Cached load(byte[] hash, Instant now) {
        ByteBuffer key = ByteBuffer.wrap(hash.clone());
        Optional<StoredToken> stored = tokens.findByHash(hash);
        if (stored.isEmpty()) {
            cache.remove(key);
            return null;
        }
        if (cache.size() >= MOST_CACHED) {
            cache.clear();
        }
        StoredToken token = stored.get();
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        token.scopes().forEach(scope -> scopes.addAll(scope.included()));
        ApiCaller caller = new ApiCaller(
                token.accountId(),
                token.username(),
                token.staffRole() == null ? null : token.staffRole().name(),
                token.mfaEnrolled(),
                !token.mfaEnrolled() && mfa.required(token.accountId()),
                token.id(),
                scopes);
        Cached previous = cache.get(key);
        Instant lastRecorded = previous != null ? previous.lastRecorded() : token.lastUsedAt();
        Cached cached = new Cached(token, caller, now, lastRecorded);
        cache.put(key, cached);
        return cached;
    }

    private void recordUse(Cached cached, Instant now, String clientAddress) {
        Instant last = cached.lastRecorded();
        if (last != null && last.plus(settings.recordUseEvery()).isAfter(now)) {
            return;
        }
        cache.computeIfPresent(
                ByteBuffer.wrap(cached.token().hash()),
                (key, current) -> new Cached(current.token(), current.caller(), current.loadedAt(), now));
        tokens.recordUse(cached.token().id(), now, clientAddress);
    }

    private record Cached(StoredToken token, ApiCaller caller, Instant loadedAt, Instant lastRecorded) {}
}
