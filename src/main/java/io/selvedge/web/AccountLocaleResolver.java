package io.selvedge.web;

import io.selvedge.identity.AccountLanguages;
import io.selvedge.identity.Callers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a page: the one the signed-in person chose on the account page, else the browser's
 * {@code Accept-Language} among the languages the pages are written in, else English. Read once per request
 * (so a change shows from the next page on).
 */
@RequiredArgsConstructor
class AccountLocaleResolver implements LocaleResolver {

    private static final String RESOLVED = AccountLocaleResolver.class.getName() + ".locale";

    private final Callers callers;
    private final AccountLanguages languages;

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(RESOLVED) instanceof Locale resolved) {
            return resolved;
        }
        Locale locale = callers.of(SecurityContextHolder.getContext().getAuthentication())
                .flatMap(caller -> languages.languageOf(caller.accountId()))
                .or(() -> browserLanguage(request))
                .orElse(Locale.ENGLISH);
        request.setAttribute(RESOLVED, locale);
        return locale;
    }

    /**
     * The first of the browser's languages, in its order of preference, that the pages are written in; a
     * language without its region counts for its region ({@code pt} and {@code pt-BR} read pt-PT).
     */
    static Optional<Locale> browserLanguage(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Optional.empty();
        }
        for (Locale wanted : Collections.list(request.getLocales())) {
            Optional<Locale> supported = AccountLanguages.SUPPORTED.stream()
                    .filter(locale -> locale.getLanguage().equals(wanted.getLanguage()))
                    .findFirst();
            if (supported.isPresent()) {
                return supported;
            }
        }
        return Optional.empty();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language is chosen on the account page.");
    }
}
