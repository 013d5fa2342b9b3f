package io.selvedge.platform.internal.web;

import io.selvedge.platform.JsonInput;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server's JSON mapper reads bodies as {@link JsonInput} says. */
@Configuration(proxyBeanMethods = false)
class StrictJsonInput {

    @Bean
    JsonMapperBuilderCustomizer textStaysText() {
        return JsonInput::strict;
    }
}
