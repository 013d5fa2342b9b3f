package io.selvedge.access.internal;

import io.selvedge.access.Authorization;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every handler goes through {@link RequiresInterceptor}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@RequiredArgsConstructor
class AccessWebConfiguration implements WebMvcConfigurer {

    private final Authorization authorization;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RequiresInterceptor(authorization));
    }
}
