package io.selvedge.sso.internal;

import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.TargetNames;
import io.selvedge.sso.IdentityProviders;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** The name of a single sign-on connection, for the audit trail (events carry the connection's id). */
@Component
@RequiredArgsConstructor
class ConnectionNames implements TargetNames {

    private final IdentityProviders connections;

    @Override
    public Optional<String> nameOf(AuditTarget target) {
        if (!"identity-provider".equals(target.kind()) || target.id() == null) {
            return Optional.empty();
        }
        try {
            return connections
                    .find(UUID.fromString(target.id()))
                    .map(c -> c.settings().name());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
