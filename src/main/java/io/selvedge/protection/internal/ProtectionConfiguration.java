package io.selvedge.protection.internal;

import io.selvedge.protection.ProtectionProperties;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

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
