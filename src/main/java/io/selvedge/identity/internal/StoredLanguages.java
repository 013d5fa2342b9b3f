package io.selvedge.identity.internal;

import io.selvedge.identity.AccountLanguages;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The account table's language column: a tag of a supported language, or null. */
@Service
@RequiredArgsConstructor
class StoredLanguages implements AccountLanguages {

    private final AccountLanguageRepository stored;

    @Override
    public Optional<Locale> languageOf(UUID accountId) {
        return stored.languageOf(accountId).flatMap(AccountLanguages::supported);
    }

    @Override
    public void changeLanguage(UUID accountId, @Nullable Locale language) {
        if (language != null && !SUPPORTED.contains(language)) {
            throw new IllegalArgumentException("The pages are written in English and Portuguese (Portugal) only.");
        }
        stored.changeLanguage(accountId, language == null ? null : language.toLanguageTag());
    }
}
