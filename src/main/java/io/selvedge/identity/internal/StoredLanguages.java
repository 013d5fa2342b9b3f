package io.selvedge.identity.internal;

import io.selvedge.identity.AccountLanguages;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The account table's language column: a tag of a supported language, or null. */
@Service
class StoredLanguages implements AccountLanguages {

    private final JdbcTemplate jdbc;

    StoredLanguages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Locale> languageOf(UUID accountId) {
        List<String> found = jdbc.queryForList("select language from account where id = ?", String.class, accountId);
        return found.isEmpty() ? Optional.empty() : AccountLanguages.supported(found.get(0));
    }

    @Override
    public void changeLanguage(UUID accountId, @Nullable Locale language) {
        if (language != null && !SUPPORTED.contains(language)) {
            throw new IllegalArgumentException("The pages are written in English and Portuguese (Portugal) only.");
        }
        jdbc.update(
                "update account set language = ? where id = ?",
                language == null ? null : language.toLanguageTag(),
                accountId);
    }
}
