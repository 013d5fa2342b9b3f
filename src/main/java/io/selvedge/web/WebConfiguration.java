package io.selvedge.web;

import io.selvedge.identity.AccountLanguages;
import io.selvedge.identity.Callers;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** The account's chosen language, else the browser's among those the pages are written in, else English. */
    @Bean
    LocaleResolver localeResolver(Callers callers, AccountLanguages languages) {
        return new AccountLocaleResolver(callers, languages);
    }

    /**
     * Links in pages are written as they are, never rewritten by the resource chain. The chain is on only so that
     * pages can name a webjar's file without its version (webjars-locator-lite); with no versioning strategy,
     * Boot's {@link ResourceUrlEncodingFilter} would hand every link back unchanged, after looking each one up in
     * the class path's jars on every render: a tenth of the server's CPU in the abuse benchmark, whose attackers
     * load share-link pages. This registration, disabled, takes the place of Boot's.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> none =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        none.setEnabled(false);
        return none;
    }
}
