package io.selvedge.platform;

import java.util.function.Consumer;

/**
 * Tells every node of the installation that something it may have cached changed (a token revoked, an account's
 * policy changed), so that each drops it at once rather than when its cache would expire. With {@code
 * SELVEDGE_REDIS_URL} the notices travel over Redis publish/subscribe; without it there is one node and they stay
 * in it.
 *
 * <p>Contract: a notice names a {@code topic} and a {@code subject} (an id, or {@link #EVERYTHING}); it carries no
 * secret and no customer content. Handlers run on this node at once and again on every node, this one included,
 * once the current transaction (if any) has committed, so that no node reads the old value back in between; they
 * must be idempotent and cheap (drop a cache entry). Delivery between nodes is at most once: a node that may have
 * missed notices (its subscription was down) is given {@link #EVERYTHING} on every topic, and its caches' own
 * expiry stays the bound should a notice be lost in transit.
 */
public interface NodeNotices {

    /** The subject of a notice that covers every entry of its topic. */
    String EVERYTHING = "*";

    /** Tells every node, this one at once, the others once the current transaction commits. */
    void tell(String topic, String subject);

    /** Runs {@code handler} with the subject of every notice on {@code topic}, from any node. */
    void onNotice(String topic, Consumer<String> handler);
}
