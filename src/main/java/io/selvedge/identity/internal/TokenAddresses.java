package io.selvedge.identity.internal;

import io.selvedge.crypto.FieldCiphers;
import io.selvedge.identity.TokenUsedFromNewAddress;
import io.selvedge.platform.RequestOrigin;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The addresses each API token was used from, kept as keyed hashes (a blind index under the directory
 * keys, of the token and the address: an address is personal data, and the same address used by two
 * tokens hashes apart), at most {@value #KEPT_PER_TOKEN} per token, the least recently seen dropped
 * first. A use from an address not among them (the first use too) publishes
 * {@link TokenUsedFromNewAddress} in the transaction that records it. The pairs this node has seen are
 * remembered, so a known address costs no database access: a request writes only when its address is new
 * to its token, or to this node since it started.
 */
@Service
class TokenAddresses {

    static final int KEPT_PER_TOKEN = 20;
    static final int MOST_REMEMBERED = 10_000;
    static final String INDEX = "api-token.address";

    private static final Logger log = LoggerFactory.getLogger(TokenAddresses.class);

    private final TokenAddressRepository stored;
    private final FieldCiphers ciphers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Set<Seen> remembered = ConcurrentHashMap.newKeySet();

    TokenAddresses(
            TokenAddressRepository stored,
            FieldCiphers ciphers,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.stored = stored;
        this.ciphers = ciphers;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The token of the account authenticated a request from {@code address}. */
    void used(UUID accountId, UUID tokenId, String address) {
        if (address == null || address.isBlank()) {
            return;
        }
        Seen seen = new Seen(tokenId, address);
        if (remembered.contains(seen)) {
            return;
        }
        String hash = hashOf(tokenId, address);
        try {
            transactions.executeWithoutResult(status -> record(accountId, tokenId, hash));
        } catch (DuplicateKeyException e) {
            // another request (of this node or another) recorded the same new address first, and published it
        } catch (DataAccessException e) {
            // the request goes on; the address is looked at again on the token's next use
            log.warn(
                    "Could not record the address of a use of token {}: {}",
                    tokenId,
                    e.getClass().getSimpleName());
            return;
        }
        if (remembered.size() >= MOST_REMEMBERED) {
            remembered.clear();
        }
        remembered.add(seen);
    }

    private void record(UUID accountId, UUID tokenId, String hash) {
        Instant now = clock.instant();
        if (stored.touch(tokenId, hash, now)) {
            return;
        }
        stored.insert(tokenId, hash, now);
        stored.keepNewest(tokenId, KEPT_PER_TOKEN);
        events.publishEvent(new TokenUsedFromNewAddress(accountId, tokenId, RequestOrigin.current()));
    }

    private String hashOf(UUID tokenId, String address) {
        String normalised = tokenId + " " + address.strip().toLowerCase(Locale.ROOT);
        return HexFormat.of().formatHex(ciphers.directory().blindIndex(INDEX, normalised));
    }

    private record Seen(UUID tokenId, String address) {}
}
