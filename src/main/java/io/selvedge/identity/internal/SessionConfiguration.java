package io.selvedge.identity.internal;

import io.selvedge.crypto.FieldCiphers;
import io.selvedge.identity.IdentityProperties;
import java.time.Clock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Web sessions: Spring Session JDBC (configured in application.yaml), their attributes encrypted at rest, and
 * their absolute timeout.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SessionConfiguration {

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> encryptedSessionAttributes(FieldCiphers ciphers) {
        return repository -> repository.setConversionService(SessionAttributeCipher.conversionService(ciphers));
    }

    /** Sessions are stored under the SHA-256 of their cookie's secret ({@link HashedSessionIds}). */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> hashedSessionIds() {
        return repository -> repository.setSessionIdGenerator(new HashedSessionIds());
    }

    /** Boot's session cookie, as configured, carrying the secret whose hash the session is stored under. */
    @Bean
    static BeanPostProcessor sessionCookiesCarrySecrets() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof CookieSerializer cookies && !(bean instanceof HashedSessionIds.Cookies)
                        ? new HashedSessionIds.Cookies(cookies)
                        : bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<AbsoluteSessionTimeout> absoluteSessionTimeout(
            IdentityProperties properties, Clock clock, SpringWebSessions sessions) {
        FilterRegistrationBean<AbsoluteSessionTimeout> registration = new FilterRegistrationBean<>(
                new AbsoluteSessionTimeout(properties.sessions().absoluteTimeout(), clock, sessions));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        return registration;
    }
}
