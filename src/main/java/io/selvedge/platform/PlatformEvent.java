package io.selvedge.platform;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An auditable event that belongs on the platform trail (staff, installation, accounts), not a group's. */
public interface PlatformEvent extends AuditableEvent {

    @Override
    default @Nullable UUID auditGroupId() {
        return null;
    }
}
