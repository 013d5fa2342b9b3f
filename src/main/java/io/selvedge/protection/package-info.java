/**
 * The application's defence behind the edge: the client's address (believed from trusted proxies only), token
 * buckets for rate limits and failure throttles ({@link io.selvedge.protection.Buckets}, in memory or Redis).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
@org.jspecify.annotations.NullMarked
package io.selvedge.protection;
