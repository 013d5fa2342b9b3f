package io.selvedge.sso;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A group's single sign-on connection, secrets excepted. */
public record Connection(
        UUID id, UUID groupId, ConnectionSettings settings, long version, Instant createdAt, Instant updatedAt) {

    public ConnectionType type() {
        return settings.type();
    }

    public List<String> domains() {
        return settings.domains();
    }
}
