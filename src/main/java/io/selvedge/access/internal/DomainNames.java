package io.selvedge.access.internal;

import io.selvedge.access.EmailDomains.Domain;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.TargetNames;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** The name of a claimed domain, for the audit trail (events carry the claim's id). */
@Component
@RequiredArgsConstructor
class DomainNames implements TargetNames {

    private final DomainRepository records;

    @Override
    public Optional<String> nameOf(AuditTarget target) {
        if (!"domain".equals(target.kind()) || target.id() == null) {
            return Optional.empty();
        }
        try {
            return records.byId(UUID.fromString(target.id())).map(Domain::domain);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
