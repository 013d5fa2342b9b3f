package io.selvedge.sso.internal.saml;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The response validator, with the replay cache of the global store and the widest skew the API allows. */
@Configuration(proxyBeanMethods = false)
class SamlConfiguration {

    @Bean
    SamlResponses samlResponses(SamlRepository replays, Clock clock) {
        return new SamlResponses(replays, clock, SamlResponses.MAX_SKEW);
    }
}
