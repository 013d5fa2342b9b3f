package io.selvedge.protection.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.selvedge.platform.Refusal;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.protection.AbuseSignals;
import io.selvedge.protection.Allowance;
import io.selvedge.protection.Block;
import io.selvedge.protection.BlockAdded;
import io.selvedge.protection.BlockLifted;
import io.selvedge.protection.Blocks;
import io.selvedge.protection.Buckets;
import io.selvedge.protection.ProtectionProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocks clients that abuse, and answers whether a client is blocked. The triggers count in token buckets
 * ({@link Buckets}, so alike on every node sharing Redis): 429s answered, 404s answered, and the different
 * accounts whose sign-in failed from one address. Each block of the same client within {@code remember} lasts
 * the next step. What a node last read of a client is trusted for {@code cacheFor}, so that a flood of blocked
 * requests costs a map look-up each, not a trip to Redis. Blocks are added automatically only where rate limits
 * are on as well (a server where one address stands for many users has neither); staff's blocks hold anyway.
 */
@RequiredArgsConstructor
class AutoBlocks implements Blocks, AbuseSignals {

    private static final Logger log = LoggerFactory.getLogger(AutoBlocks.class);
    private static final int MOST_CACHED = 100_000;

    static final String ADDRESS = "address:";
    static final String TOKEN = "token:";

    private final BlockStore store;
    private final Buckets buckets;
    private final ProtectionProperties.AutoBlocks settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final BlockEvents events;
    private final boolean enabled;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<Block> block, long readAt) {}

    /** The id of a client address's block. */
    static String addressId(String address) {
        return ADDRESS + address;
    }

    /** The id of an API token's block: the hash of the Authorization header that carries it, never the token. */
    static String tokenId(String authorization) {
        return TOKEN + RateLimitFilter.hashed("token:" + authorization);
    }

    /** The block in force on {@code id}, as last read within {@code cacheFor}. */
    Optional<Block> blockOf(String id) {
        long now = System.nanoTime();
        Cached cached = cache.get(id);
        if (cached != null && now - cached.readAt() < settings.cacheFor().toNanos()) {
            return cached.block().filter(block -> block.until().isAfter(clock.instant()));
        }
        Optional<Block> block = store.find(id, clock.instant());
        if (cache.size() > MOST_CACHED) {
            cache.clear();
        }
        cache.put(id, new Cached(block, now));
        return block;
    }

    /** A request was answered 429 by a rate limit. */
    void limited(String id) {
        count(id, settings.limitedAnswers().allowance("abuse.limited"), "rate-limits");
    }

    /** A request was answered 404. */
    void notFound(String id) {
        count(id, settings.notFound().allowance("abuse.not-found"), "not-found");
    }

    @Override
    public void signInFailed(@Nullable String address, String username) {
        HeldBackRefusals.markGuess();
        String client = address != null ? address : RequestOrigin.current().address();
        if (!enabled || client == null) {
            return;
        }
        ProtectionProperties.Limit accounts = settings.signInAccounts();
        // The first failure of this account from this address in the window takes a token of the address's.
        Allowance pair = new Allowance("abuse.sign-in-pair", 1, accounts.per());
        if (buckets.take(pair, RateLimitFilter.hashed(client + "\n" + username)).isZero()) {
            count(addressId(client), accounts.allowance("abuse.sign-in-accounts"), "sign-in-accounts");
        }
    }

    private void count(String id, Allowance allowance, String trigger) {
        if (!enabled) {
            return;
        }
        if (buckets.take(allowance, RateLimitFilter.hashed(id)).isZero()) {
            return;
        }
        Instant now = clock.instant();
        if (store.find(id, now).isPresent()) {
            return; // answers already under way when it was blocked
        }
        int level = store.strike(id, now, settings.remember());
        Block block = new Block(id, kindOf(id), subjectOf(id), level, trigger, now, now.plus(settings.step(level)));
        store.put(block, now);
        cache.remove(id);
        meters.counter("selvedge.blocks.added", "kind", kindOf(id).name().toLowerCase(), "trigger", trigger)
                .increment();
        log.warn("Blocked {} until {} (step {}, {})", block.subject(), block.until(), level, trigger);
        events.publish(new BlockAdded(id, null, trigger, level, RequestOrigin.current()));
    }

    @Override
    public List<Block> list() {
        return store.all(clock.instant()).stream()
                .sorted(Comparator.comparing(Block::until).reversed())
                .toList();
    }

    @Override
    public Optional<Block> find(String id) {
        return store.find(id, clock.instant());
    }

    @Override
    public Block blockAddress(String address, Duration length, String reason, UUID byAccount) {
        String canonical = TrustedProxies.literal(address)
                .orElseThrow(() -> new Refusal.Unprocessable("The address is not an IPv4 or IPv6 address."));
        if (length.isNegative() || length.isZero() || length.compareTo(Duration.ofDays(366)) > 0) {
            throw new Refusal.Unprocessable("A block lasts more than nothing and at most a year.");
        }
        String why = reason == null || reason.isBlank() ? "staff" : reason.strip();
        if (why.length() > 200 || why.contains("|") || why.chars().anyMatch(Character::isISOControl)) {
            throw new Refusal.Unprocessable("The reason is at most 200 characters on one line, without '|'.");
        }
        Instant now = clock.instant();
        String id = addressId(canonical);
        Block block = new Block(id, Block.Kind.ADDRESS, canonical, 0, why, now, now.plus(length));
        store.put(block, now);
        cache.remove(id);
        meters.counter("selvedge.blocks.added", "kind", "address", "trigger", "staff")
                .increment();
        events.publish(new BlockAdded(id, byAccount, why, 0, RequestOrigin.current()));
        return block;
    }

    @Override
    public boolean lift(String id, UUID byAccount) {
        boolean lifted = store.remove(id, clock.instant());
        cache.remove(id);
        if (lifted) {
            meters.counter("selvedge.blocks.lifted").increment();
            events.publish(new BlockLifted(id, byAccount, RequestOrigin.current()));
        }
        return lifted;
    }

    private static Block.Kind kindOf(String id) {
        return id.startsWith(TOKEN) ? Block.Kind.TOKEN : Block.Kind.ADDRESS;
    }

    private static String subjectOf(String id) {
        return id.startsWith(TOKEN)
                ? "API token " + id.substring(TOKEN.length(), TOKEN.length() + 12)
                : id.substring(ADDRESS.length());
    }
}
