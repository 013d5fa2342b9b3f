package io.selvedge.web;

import io.selvedge.identity.AccountLanguages;
import io.selvedge.identity.Callers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** The account's chosen language, else the browser's among those the pages are written in, else English. */
    @Bean
    LocaleResolver localeResolver(Callers callers, AccountLanguages languages) {
        return new AccountLocaleResolver(callers, languages);
    }
}
