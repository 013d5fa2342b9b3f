package io.selvedge.monitoring.internal.detection;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MeterConfiguration {

    @Bean
    Meters detectionMeters(MeterRegistry registry) {
        return new Meters(registry);
    }
}
