package io.selvedge.protection.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.selvedge.platform.NodeNotices;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.protection.ProtectionProperties;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.convert.converter.Converter;

/** The client address filter first in line, before sessions, security and every limit. */
@Configuration(proxyBeanMethods = false)
class ProtectionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProtectionConfiguration.class);

    /** Right after the request id (which names every log line), before anything that reads the address. */
    static final int CLIENT_ADDRESS_ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

    @Bean
    TrustedProxies trustedProxies(ProtectionProperties properties) {
        TrustedProxies trusted = TrustedProxies.of(properties.trustedProxies());
        if (trusted.isEmpty()) {
            log.info("No trusted proxies: forwarded headers are ignored, the peer's address is the client's");
        } else {
            log.info(
                    "Forwarded headers believed from {} trusted address ranges{}",
                    trusted.rangeCount(),
                    trusted.behindCloudflare() ? " (Cloudflare's among them: CF-Connecting-IP is believed)" : "");
        }
        return trusted;
    }

    /** Limits are written {@code 30/1m} in settings. */
    @Bean
    @ConfigurationPropertiesBinding
    static Converter<String, ProtectionProperties.Limit> limitSetting() {
        return ProtectionProperties.Limit::parse;
    }

    /** Per client address and route class, before authentication: a flood costs no password hashing. */
    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<RateLimitFilter> rateLimitsByAddress(
            BucketStore buckets, ProtectionProperties properties, MeterRegistry meters, AutoBlocks blocks) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(
                RateLimitFilter.Stage.BY_ADDRESS, buckets, properties.rateLimits(), meters, blocks));
        registration.setOrder(CLIENT_ADDRESS_ORDER + 2);
        return registration;
    }

    /** 404s answered count towards a block (blocked clients were refused in Tomcat, before every filter). */
    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<NotFoundProbes> notFoundProbes(AutoBlocks blocks) {
        FilterRegistrationBean<NotFoundProbes> registration = new FilterRegistrationBean<>(new NotFoundProbes(blocks));
        registration.setOrder(CLIENT_ADDRESS_ORDER + 1);
        return registration;
    }

    /** The request line, the body per route class and the slowest body, before the body is read by anyone. */
    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<RequestLimitFilter> requestLimits(ProtectionProperties properties, MeterRegistry meters) {
        FilterRegistrationBean<RequestLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestLimitFilter(properties.connections(), meters));
        registration.setOrder(CLIENT_ADDRESS_ORDER + 3);
        return registration;
    }

    /** Concurrent uploads and downloads per account, once the caller is known. */
    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<TransferSlots> transferSlots(
            ProtectionProperties properties, SlotStore slots, MeterRegistry meters) {
        FilterRegistrationBean<TransferSlots> registration =
                new FilterRegistrationBean<>(new TransferSlots(properties.connections(), slots, meters));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }

    /** The transfers' slots in Redis when {@code SELVEDGE_REDIS_URL} is set (one cap for every node), else here. */
    @Bean
    SlotStore transferSlotStore(ProtectionProperties properties, PlatformProperties platform) {
        String url = properties.redisUrl();
        return url == null || url.isBlank()
                ? new LocalSlotStore()
                : new RedisSlotStore(
                        url.strip(),
                        RedisNamespace.of(platform.environment()),
                        properties.connections().transferLease());
    }

    @Bean
    @ConditionalOnWebApplication
    ConnectorLimits connectorLimits(
            ProtectionProperties properties,
            TrustedProxies trusted,
            AutoBlocks blocks,
            Clock clock,
            MeterRegistry meters,
            Tarpit tarpit) {
        return new ConnectorLimits(
                properties.connections(),
                new BlockedClients(
                        new ClientAddressFilter(trusted),
                        blocks,
                        clock,
                        meters,
                        properties.blocks().tarpit(),
                        tarpit));
    }

    /** Where refusals wait, holding no thread: blocked clients' and every other 429. */
    @Bean(destroyMethod = "close")
    @ConditionalOnWebApplication
    Tarpit tarpit(ProtectionProperties properties) {
        return new Tarpit(properties.blocks().tarpitAtMost());
    }

    /** Outside every filter that can answer 429, the security chain's and the rate limits' alike: it sees them all. */
    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<HeldBackRefusals> heldBackRefusals(
            Tarpit tarpit,
            ProtectionProperties properties,
            MeterRegistry meters,
            TrustedProxies trusted,
            AutoBlocks blocks) {
        FilterRegistrationBean<HeldBackRefusals> registration = new FilterRegistrationBean<>(new HeldBackRefusals(
                tarpit, properties.blocks().refusalTarpit(), meters, new ClientAddressFilter(trusted), blocks));
        registration.setOrder(CLIENT_ADDRESS_ORDER - 1);
        return registration;
    }

    /** Notices of changed caches over Redis when {@code SELVEDGE_REDIS_URL} is set (every node hears them). */
    @Bean
    NodeNotices nodeNotices(ProtectionProperties properties, PlatformProperties platform) {
        String url = properties.redisUrl();
        return url == null || url.isBlank()
                ? new LocalNodeNotices()
                : new RedisNodeNotices(url.strip(), RedisNamespace.of(platform.environment()));
    }

    /** Blocks in Redis when {@code SELVEDGE_REDIS_URL} is set (every node sees them), else in this node. */
    @Bean
    BlockStore blockStore(ProtectionProperties properties, PlatformProperties platform) {
        String url = properties.redisUrl();
        return url == null || url.isBlank()
                ? new LocalBlockStore()
                : new RedisBlockStore(url.strip(), RedisNamespace.of(platform.environment()));
    }

    @Bean
    AutoBlocks blocks(
            BlockStore store,
            BucketStore buckets,
            ProtectionProperties properties,
            Clock clock,
            MeterRegistry meters,
            BlockEvents events) {
        return new AutoBlocks(
                store,
                buckets,
                properties.blocks(),
                clock,
                meters,
                events,
                properties.blocks().enabled() && properties.rateLimits().enabled());
    }

    /** Per account, API token and group, once Spring Security has said who calls. */
    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<RateLimitFilter> rateLimitsByCaller(
            BucketStore buckets, ProtectionProperties properties, MeterRegistry meters, AutoBlocks blocks) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(RateLimitFilter.Stage.BY_CALLER, buckets, properties.rateLimits(), meters, blocks));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** The buckets of every limit and throttle: in Redis when {@code SELVEDGE_REDIS_URL} is set, else here. */
    @Bean
    BucketStore buckets(ProtectionProperties properties, PlatformProperties platform, Clock clock) {
        String url = properties.redisUrl();
        if (url == null || url.isBlank()) {
            log.info("Rate limits and throttles are counted in this node's memory (no SELVEDGE_REDIS_URL)");
            return new LocalBucketStore(BucketStore.timeMeter(clock));
        }
        log.info("Rate limits and throttles are counted in Redis, shared by every node");
        return new RedisBucketStore(
                url.strip(), RedisNamespace.of(platform.environment()), BucketStore.timeMeter(clock));
    }

    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<ClientAddressFilter> clientAddressFilter(TrustedProxies trusted) {
        FilterRegistrationBean<ClientAddressFilter> registration =
                new FilterRegistrationBean<>(new ClientAddressFilter(trusted));
        registration.setOrder(CLIENT_ADDRESS_ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }
}
