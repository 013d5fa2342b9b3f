package io.selvedge.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    /**
     * Argon2id with OWASP's current minimum (19 MiB, 2 passes, 1 lane). The parameters are written into
     * every hash, so raising them here upgrades each account's hash at its next sign-in.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }
}
