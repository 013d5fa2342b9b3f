package io.selvedge.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The language each account chose for the pages; without a choice, the pages follow the browser. */
public interface AccountLanguages {

    /** The languages the pages are written in, English first (the fallback). */
    List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("pt-PT"));

    /** The account's chosen language; empty when it chose none (or the account is unknown). */
    Optional<Locale> languageOf(UUID accountId);

    /**
     * Sets the language, or clears it with null (the browser's language then holds).
     *
     * @throws IllegalArgumentException for a language not in {@link #SUPPORTED}
     */
    void changeLanguage(UUID accountId, @Nullable Locale language);

    /** The supported language with this tag; empty for any other tag. */
    static Optional<Locale> supported(@Nullable String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return Optional.empty();
        }
        Locale wanted = Locale.forLanguageTag(languageTag.strip());
        return SUPPORTED.stream()
                .filter(locale -> locale.toLanguageTag().equalsIgnoreCase(wanted.toLanguageTag()))
                .findFirst();
    }
}
