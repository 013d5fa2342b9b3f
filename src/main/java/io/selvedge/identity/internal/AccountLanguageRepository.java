package io.selvedge.identity.internal;

import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account table's language column. */
@Repository
@RequiredArgsConstructor
class AccountLanguageRepository {

    private final JdbcClient jdbc;

    /** The stored tag; empty for no such account, or one that chose none. */
    Optional<String> languageOf(UUID accountId) {
        return jdbc.sql("select language from account where id = ?")
                .param(accountId)
                .query(String.class)
                .optional();
    }

    void changeLanguage(UUID accountId, @Nullable String languageTag) {
        jdbc.sql("update account set language = ? where id = ?")
                .params(languageTag, accountId)
                .update();
    }
}
