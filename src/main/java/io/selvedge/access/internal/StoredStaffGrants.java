package io.selvedge.access.internal;

import io.selvedge.access.AccessRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** {@link StaffGrants} from the regional {@code access_request} table, at the application clock's now. */
@Component
@RequiredArgsConstructor
class StoredStaffGrants implements StaffGrants {

    private final AccessRequestRepository requests;
    private final Clock clock;

    @Override
    public Optional<AccessRequest> open(UUID groupId, UUID accountId) {
        return requests.open(groupId, accountId, clock.instant());
    }
}
