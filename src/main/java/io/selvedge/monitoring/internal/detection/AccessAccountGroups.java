package io.selvedge.monitoring.internal.detection;

import io.selvedge.access.EmailDomains;
import io.selvedge.access.Grants;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** {@link AccountGroups} from the access module: the group managing the account's domain, else its grants. */
@Component("monitoring.accessAccountGroups")
@RequiredArgsConstructor
class AccessAccountGroups implements AccountGroups {

    private final EmailDomains domains;
    private final Grants grants;

    @Override
    public Set<UUID> concerning(UUID accountId) {
        return domains.managingGroupOf(accountId).map(Set::of).orElseGet(() -> grants.groupsOf(accountId));
    }
}
