package io.selvedge.web.style;

import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountSummary;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** The names the style page shows for account ids: the display name, else the username. */
@Component
@RequiredArgsConstructor
class People {

    private final AccountDirectory accounts;

    /** A name for each id; an account that no longer exists is "—". */
    Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, AccountSummary> found = accounts.accountSummaries(ids);
        return ids.stream().distinct().collect(Collectors.toMap(id -> id, id -> nameOf(found.get(id))));
    }

    private static String nameOf(AccountSummary account) {
        if (account == null) {
            return "—";
        }
        return account.displayName() == null || account.displayName().isBlank()
                ? account.username()
                : account.displayName();
    }
}
