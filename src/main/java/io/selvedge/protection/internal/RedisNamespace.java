package io.selvedge.protection.internal;

import io.selvedge.platform.SelvedgeEnvironment;

/**
 * Where this installation's keys and its notices' channel start in Redis: {@code selvedge:<environment>:}. A
 * Redis shared by a staging and a production installation then keeps them apart: a staging node neither sees
 * nor lifts production's blocks, spends its rate limits, takes its transfer slots or tells its nodes to drop
 * their caches.
 */
final class RedisNamespace {

    private RedisNamespace() {}

    static String of(SelvedgeEnvironment environment) {
        return "selvedge:" + environment.id() + ":";
    }
}
